"""rtpy-remote mip install NAME: the device's `mip.install` (lib/mip, docs/packages.md) done on
the PC. The package, its dependencies and their files are resolved and downloaded here with
urllib (https works, unlike on the board), every file is checked against its hash, and only
then are the files copied to the device with `fs cp`'s machinery (tools/rtpyremote/fs.py),
which skips files whose SHA-256 on the device already matches. A missing package, a broken
package file or a hash mismatch stops before anything on the device is touched."""
import hashlib
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request

from .errors import DeviceError, RemoteError

INDEX = "https://micropython.org/pi/v2"


def github_url(url, branch):
    parts = url[len("github:"):].split("/", 2)
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise RemoteError("mip: bad github: URL %s" % url)
    path = parts[2] if len(parts) > 2 and parts[2] else "package.json"
    return "https://raw.githubusercontent.com/%s/%s/%s/%s" % (parts[0], parts[1],
                                                              branch or "HEAD", path)


def fetch(url, what, timeout=30):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.read()
    except urllib.error.HTTPError as e:
        if e.code == 404:
            raise RemoteError("mip: %s not found (%s)" % (what, url))
        raise RemoteError("mip: cannot download %s (%s): HTTP %d" % (what, url, e.code))
    except (urllib.error.URLError, OSError) as e:
        raise RemoteError("mip: cannot download %s (%s): %s"
                          % (what, url, getattr(e, "reason", e)))


class Plan:
    """Resolves a package to {destination path: (url, sha256 prefix or None)}."""

    def __init__(self, index, segment):
        self.index = index.rstrip("/")
        self.segments = ([segment] if segment else []) + ["py"]
        self.files = {}
        self.seen = set()

    def package_json(self, name, version):
        for i, seg in enumerate(self.segments):
            url = "%s/package/%s/%s/%s.json" % (self.index, seg, name, version or "latest")
            try:
                return fetch(url, "package " + name), url
            except RemoteError as e:
                if i + 1 == len(self.segments) or "not found" not in str(e):
                    raise

    def add(self, name, version=None):
        if (name, version) in self.seen:
            return
        self.seen.add((name, version))
        if name.startswith("github:"):
            name = github_url(name, version)
        if name.startswith(("http://", "https://")):
            if name.endswith((".py", ".rpyc")):
                self.files[name.rsplit("/", 1)[1]] = (name, None)
                return
            data, url = fetch(name, "package " + name), name
        else:
            data, url = self.package_json(name, version)
        try:
            pkg = json.loads(data)
            if not isinstance(pkg, dict):
                raise ValueError
        except ValueError:
            raise RemoteError("mip: package %s: broken JSON at %s" % (name, url))
        base = url.rsplit("/", 1)[0]
        try:
            for dest, short in pkg.get("hashes", ()):
                self.files[dest] = ("%s/file/%s/%s" % (self.index, short[:2], short), short)
            for dest, furl in pkg.get("urls", ()):
                if furl.startswith("github:"):
                    furl = github_url(furl, version)
                elif "://" not in furl:
                    furl = base + "/" + furl
                self.files[dest] = (furl, None)
            deps = list(pkg.get("deps", ()))
        except (TypeError, ValueError):
            raise RemoteError("mip: package %s: malformed package file %s" % (name, url))
        for dep in deps:
            self.add(dep[0], dep[1] if len(dep) > 1 and dep[1] != "latest" else None)


def device_facts(fs):
    """(the device's .rpyc index segment or None, its default target directory)."""
    code = ("import sys\ntry:\n    import micropython\n"
            "    _h = micropython.rpyc_dumps(compile('', '', 'exec'))\n"
            "    _s = 'rpyc-%d-%08x' % (_h[4] | _h[5] << 8, _h[8] | _h[9] << 8 | _h[10] << 16 | "
            "_h[11] << 24)\nexcept Exception:\n    _s = None\n"
            "print(repr((_s, [p for p in sys.path if p.endswith('/lib')][:1])))\n")
    seg, libs = fs.call("mip", code)
    return seg, (libs[0] if libs else "/lib")


def install(fs, package, index=None, target=None, version=None, mpy=True, say=print):
    if "@" in package and not version and not package.startswith(("http", "github:")):
        package, version = package.split("@", 1)
    seg, default_target = device_facts(fs)
    target = (target or default_target).rstrip("/") or "/"
    plan = Plan(index or INDEX, seg if mpy else None)
    plan.add(package, version)
    tmp = tempfile.mkdtemp(prefix="rtpy-mip-")
    try:
        local = []
        for dest, (url, short) in plan.files.items():
            data = fetch(url, dest)
            got = hashlib.sha256(data).hexdigest()
            if short and not got.startswith(short):
                raise RemoteError("mip: %s: hash mismatch (expected %s..., got %s...) from %s"
                                  % (dest, short, got[:len(short)], url))
            path = os.path.join(tmp, *dest.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            local.append((path, dest))
        say("mip: %s%s: %d file(s) to %s" % (package, " " + version if version else "",
                                              len(local), target))
        for path, dest in local:
            full = (target + "/" + dest) if target != "/" else "/" + dest
            parent = full.rsplit("/", 1)[0]
            if parent:
                fs.mkdir([":" + parent], parents=True)
            fs._put(path, full)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
