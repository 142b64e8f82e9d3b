#!/usr/bin/env python3
"""tests/mip/make_index.py: writes tests/mip/index/, a micropython-lib style package index
(docs/packages.md) for tests/host/test_mip.py, from the packages in tests/mip/src/:

  package/py/NAME/latest.json and package/py/NAME/VERSION.json, files by hash at
  file/HH/HASH (HASH: the first 8 hex digits of the file's SHA-256), and four cases:
  greet 1.0 (a package directory) depending on fmtlib, fmtlib 0.2 (one module), badhash
  (its file's content does not match the hash), brokenjson (latest.json is not JSON) and
  needsmissing (depends on a package the index lacks), mixed (a good file, then badhash). Run it after changing tests/mip/src."""
import hashlib
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "index")

# name: (version, deps)
PACKAGES = {
    "greet": ("1.0", [["fmtlib", "latest"]]),
    "fmtlib": ("0.2", []),
    "badhash": ("0.1", []),
    "needsmissing": ("0.1", [["nosuchpkg", "latest"]]),
    "mixed": ("0.1", [["badhash", "latest"]]),
}


def short_hash(data):
    return hashlib.sha256(data).hexdigest()[:8]


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    for name, (version, deps) in sorted(PACKAGES.items()):
        src = os.path.join(HERE, "src", name)
        hashes = []
        for root, _, files in sorted(os.walk(src)):
            for fn in sorted(files):
                full = os.path.join(root, fn)
                dest = os.path.relpath(full, src).replace(os.sep, "/")
                data = open(full, "rb").read()
                h = short_hash(data)
                if name == "badhash":  # the index holds other bytes under the hash
                    data = b"VALUE = 666\n"
                write(os.path.join(OUT, "file", h[:2], h), data)
                hashes.append([dest, h])
        pkg = {"v": 1, "version": version, "hashes": hashes, "deps": deps}
        text = json.dumps(pkg, indent=1).encode()
        for v in ("latest", version):
            write(os.path.join(OUT, "package", "py", name, v + ".json"), text)
    write(os.path.join(OUT, "package", "py", "brokenjson", "latest.json"), b'{"v": 1, "hashes": [')


if __name__ == "__main__":
    main()
