# lib/mip: installs packages from a micropython-lib style index (docs/packages.md) over
# lib/requests. install() first resolves the package and its dependencies to a list of files,
# then downloads every file that is not already there with the right hash to a temporary name
# in the target directory, checks each against its hash, and only when all have arrived
# renames them into place: a bad index, a missing package or a hash mismatch raises
# MipError and leaves the target as it was.
import sys
import os
import hashlib
import binascii
import json
import requests

_INDEX = "https://micropython.org/pi/v2"


class MipError(Exception):
    pass


def _rpyc_segment():
    # the index's directory for this build's precompiled code: "rpyc-<format>-<bytecode>"
    try:
        import micropython

        h = micropython.rpyc_dumps(compile("", "", "exec"))
        fmt = h[4] | h[5] << 8
        sig = h[8] | h[9] << 8 | h[10] << 16 | h[11] << 24
        return "rpyc-%d-%08x" % (fmt, sig)
    except (ImportError, AttributeError):
        return None


def _sha(data):
    return str(binascii.hexlify(hashlib.sha256(data).digest()), "ascii")


def _github(url, branch):
    # github:org/repo[/path] -> raw.githubusercontent.com (path default: package.json)
    parts = url[7:].split("/", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise MipError("bad github: URL " + url)
    path = parts[2] if len(parts) > 2 and parts[2] else "package.json"
    return "https://raw.githubusercontent.com/%s/%s/%s/%s" % (
        parts[0], parts[1], branch or "HEAD", path)


def _fetch(url, what):
    try:
        r = requests.get(url)
    except OSError as e:
        raise MipError("cannot download %s (%s): %s" % (what, url, e))
    data, code = r.content, r.status_code
    r.close()
    if code == 404:
        raise MipError("%s not found (%s)" % (what, url))
    if code != 200:
        raise MipError("cannot download %s (%s): HTTP %d" % (what, url, code))
    return data


def _join(a, b):
    return a + b if a.endswith("/") else a + "/" + b


def _exists(path):
    try:
        os.stat(path)
        return True
    except OSError:
        return False


def _same_hash(path, short):
    try:
        with open(path, "rb") as f:
            return _sha(f.read()).startswith(short)
    except OSError:
        return False


class _Plan:
    def __init__(self, index, target, mpy):
        self.index = index.rstrip("/")
        self.target = target
        self.seg = _rpyc_segment() if mpy else None
        self.files = {}  # destination path -> (url, sha256 prefix or None)
        self.seen = []
        self.skipped = 0

    def package_json(self, name, version):
        # from the index: the precompiled tree first when it has the package, then the sources
        segs = ([self.seg] if self.seg else []) + ["py"]
        for i, seg in enumerate(segs):
            url = "%s/package/%s/%s/%s.json" % (self.index, seg, name, version or "latest")
            try:
                return _fetch(url, "package " + name), url
            except MipError as e:
                if i + 1 == len(segs) or "not found" not in str(e):
                    raise

    def add(self, name, version):
        key = name + "@" + (version or "")
        if key in self.seen:
            return
        self.seen.append(key)
        if name.startswith("github:"):
            name = _github(name, version)
        if name.startswith("http://") or name.startswith("https://"):
            if name.endswith(".py") or name.endswith(".rpyc"):
                self.files[name.rsplit("/", 1)[1]] = (name, None)
                return
            data, url = _fetch(name, "package " + name), name
        else:
            data, url = self.package_json(name, version)
        try:
            pkg = json.loads(data)
        except ValueError:
            raise MipError("package %s: broken JSON at %s" % (name, url))
        if not isinstance(pkg, dict):
            raise MipError("package %s: broken JSON at %s" % (name, url))
        base = url.rsplit("/", 1)[0]
        try:
            for dest, short in pkg.get("hashes", ()):
                self.files[dest] = ("%s/file/%s/%s" % (self.index, short[:2], short), short)
            for dest, furl in pkg.get("urls", ()):
                if furl.startswith("github:"):
                    furl = _github(furl, version)
                elif "://" not in furl:
                    furl = base + "/" + furl
                self.files[dest] = (furl, None)
            deps = pkg.get("deps", ())
        except (TypeError, ValueError):
            raise MipError("package %s: malformed package file %s" % (name, url))
        for dep in deps:
            self.add(dep[0], dep[1] if len(dep) > 1 and dep[1] != "latest" else None)

    def run(self):
        todo = []
        for dest in self.files:
            url, short = self.files[dest]
            path = _join(self.target, dest)
            if short and _same_hash(path, short):
                self.skipped += 1
                continue
            todo.append((path, url, short, dest))
        temps = []
        try:
            for path, url, short, dest in todo:
                data = _fetch(url, dest)
                if short and not _sha(data).startswith(short):
                    raise MipError("%s: hash mismatch (expected %s..., got %s...) from %s" % (
                        dest, short, _sha(data)[:len(short)], url))
                tmp = _join(self.target, ".mip%d.tmp" % len(temps))
                with open(tmp, "wb") as f:
                    f.write(data)
                temps.append((tmp, path))
        except BaseException:
            for tmp, _ in temps:
                os.remove(tmp)
            raise
        for tmp, path in temps:
            _makedirs(path.rsplit("/", 1)[0])
            if _exists(path):
                os.remove(path)
            os.rename(tmp, path)
        return len(temps)


def _makedirs(d):
    p = "/" if d.startswith("/") else ""
    for part in d.split("/"):
        if part:
            p = p + part if p in ("", "/") else p + "/" + part
            if not _exists(p):
                os.mkdir(p)


def _default_target():
    for p in sys.path:
        if p.endswith("/lib"):
            return p
    return "lib"


def install(package, index=None, target=None, version=None, mpy=True):
    """Installs package (an index name, an http(s):// URL of a .py or a package .json, or
    github:org/repo[/path]; name@version also works) and its dependencies into target (the
    first sys.path entry ending in /lib). Returns (files written, files skipped)."""
    if "@" in package and not version and not package.startswith("http"):
        package, version = package.split("@", 1)
    target = (target or _default_target()).rstrip("/") or "/"
    print("Installing %s%s to %s" % (package, " " + version if version else "", target))
    _makedirs(target)
    plan = _Plan(index or _INDEX, target, mpy)
    plan.add(package, version)
    n = plan.run()
    print("Done: %d file(s) written, %d already there" % (n, plan.skipped))
    return n, plan.skipped
