# lib/requests: a small HTTP/1.0 client with the part of MicroPython's `requests` API that
# package installs and simple devices need: request/get/post/put/delete/head, a Response with
# status_code, reason, headers, content, text, json() and close(). Plain http:// only (the
# board has no TLS: https:// raises ValueError). Redirects (301, 302, 303, 307, 308) are
# followed up to 5 times; bodies come by Content-Length, to the end of the connection, or
# chunked. Everything is read before the call returns (no streaming).
import socket


class Response:
    def __init__(self, status_code, reason, headers, content):
        self.status_code = status_code
        self.reason = reason
        self.headers = headers
        self.content = content
        self.encoding = "utf-8"

    @property
    def text(self):
        return str(self.content, self.encoding)

    def json(self):
        import json

        return json.loads(self.content)

    def close(self):
        self.content = None  # (the connection is closed already)


def _split_url(url):
    if url.startswith("https://"):
        raise ValueError("https is not supported (no TLS on this port): " + url)
    if not url.startswith("http://"):
        raise ValueError("unsupported URL (only http://): " + url)
    rest = url[7:]
    i = rest.find("/")
    host, path = (rest, "/") if i < 0 else (rest[:i], rest[i:])
    port = 80
    if ":" in host:
        host, p = host.rsplit(":", 1)
        port = int(p)
    return host, port, path


def _read_body(s, headers):
    if headers.get("transfer-encoding", "").lower() == "chunked":
        out = b""
        while True:
            n = int(s.readline().split(b";")[0].strip(), 16)
            if n == 0:
                while s.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return out
            out += s.read(n)
            s.readline()
    if "content-length" in headers:
        n = int(headers["content-length"])
        body = s.read(n)
        if len(body) != n:
            raise OSError("connection closed after %d of %d bytes" % (len(body), n))
        return body
    return s.read()


def request(method, url, data=None, json=None, headers=None, timeout=None, _redirects=5):
    host, port, path = _split_url(url)
    if json is not None:
        import json as _json

        data = _json.dumps(json)
        headers = dict(headers or {})
        headers["Content-Type"] = "application/json"
    if isinstance(data, str):
        data = data.encode()
    ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    s = socket.socket(ai[0][0], socket.SOCK_STREAM)
    try:
        if timeout is not None:
            s.settimeout(timeout)
        s.connect(ai[0][-1])
        head = "%s %s HTTP/1.0\r\nHost: %s\r\n" % (method, path, host)
        for k in headers or {}:
            head += "%s: %s\r\n" % (k, headers[k])
        if data is not None:
            head += "Content-Length: %d\r\n" % len(data)
        s.sendall((head + "\r\n").encode())
        if data is not None:
            s.sendall(data)
        line = s.readline().split(None, 2)
        if len(line) < 2 or not line[0].startswith(b"HTTP/"):
            raise ValueError("not an HTTP response from " + url)
        status = int(line[1])
        reason = str(line[2].rstrip(), "utf-8") if len(line) > 2 else ""
        rheaders = {}
        while True:
            h = s.readline()
            if h in (b"\r\n", b"\n", b""):
                break
            k, _, v = str(h, "utf-8").partition(":")
            rheaders[k.strip().lower()] = v.strip()
        body = b"" if method == "HEAD" else _read_body(s, rheaders)
    finally:
        s.close()
    if status in (301, 302, 303, 307, 308) and "location" in rheaders:
        if _redirects == 0:
            raise ValueError("too many redirects: " + url)
        loc = rheaders["location"]
        if loc.startswith("/"):
            loc = "http://%s:%d%s" % (host, port, loc)
        if status == 303:
            method, data, json = "GET", None, None
        return request(method, loc, data, json, headers, timeout, _redirects - 1)
    return Response(status, reason, rheaders, body)


def get(url, **kw):
    return request("GET", url, **kw)


def head(url, **kw):
    return request("HEAD", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)
