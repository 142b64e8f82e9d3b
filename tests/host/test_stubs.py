#!/usr/bin/python3
"""The type stubs (stubs/*.pyi, docs/stubs.md) against rtpy and mypy.

- Coverage: every public name of each stubbed module (and of its classes) as rtpy's dir()
  lists it is in the stub, and every public name a stub declares exists in rtpy (a class's
  instance attributes are looked up on an instance). The checker itself is tested on a stub
  that misses a name and names one that does not exist.
- mypy --strict with MYPYPATH=stubs passes on the stubs and on the device code in examples/
  (examples/*.py, examples/ota_uart/app/*.py, examples/ota_uart/send_ble.py); send.py, host
  CPython code, passes plain mypy with typeshed.
- The stubs are what mypy uses: calls that break them (Pin(2).value("x"),
  time.sleep_ms("1"), a misspelt keyword) fail with the expected messages.

  --rtpy build/host/rtpy

Needs Debian's mypy (the mypy tests are skipped without it). Prints "N passed, N failed".
"""
import argparse
import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import suite

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.normpath(os.path.join(HERE, "..", ".."))
STUBS = os.path.join(TOP, "stubs")
EXAMPLES = os.path.join(TOP, "examples")
RTPY = os.path.join(TOP, "build", "host", "rtpy")
MYPY = shutil.which("mypy")

# Modules whose names come from Python packages (lib/): their submodules (asyncio.core, ...)
# are implementation, not API.
PY_PACKAGES = ("asyncio", "aioble")

# How the probe makes an instance of a class, to look up attributes dir(class) cannot show
# (C types' attribute functions, attributes set in __init__); PRELUDE's names help. Classes rtpy
# does not export by name (machine.Pin.irq()'s result, _PinIRQ in the stub) are private in the
# stubs, and private names are not compared.
PRELUDE = """
def dev(n):
    return aioble.DeviceConnection(aioble.Device(0, b'123456'), n)
def svc():
    return aioble.Service(bluetooth.UUID(0x180F))
def char():
    return aioble.Characteristic(svc(), bluetooth.UUID(0x2A19))
def csvc(n):
    return aioble.ClientService(dev(n), 1, 9, bluetooth.UUID(0x180F))
def cchar(n):
    return aioble.ClientCharacteristic(csvc(n), 5, 3, 2, bluetooth.UUID(0x2A19))
"""
INSTANCES = {
    "machine.Pin": "machine.Pin(2)",
    "rtos.Thread": "rtos.current()",
    "ulab.numpy.ndarray": "ulab.numpy.array([1.0])",
    "ulab.numpy.dtype": "ulab.numpy.array([1.0]).dtype",
    "aioble.Device": "aioble.Device(0, b'123456')",
    "aioble.DeviceConnection": "dev(99)",
    "aioble.Service": "svc()",
    "aioble.ScanResult": "aioble.ScanResult(aioble.Device(0, b'123456'))",
    "aioble.Characteristic": "char()",
    "aioble.BufferedCharacteristic": "aioble.BufferedCharacteristic(svc(), bluetooth.UUID(0x2A19))",
    "aioble.Descriptor": "aioble.Descriptor(char(), bluetooth.UUID(0x2901))",
    "aioble.ClientService": "csvc(98)",
    "aioble.ClientCharacteristic": "cchar(97)",
    "aioble.ClientDescriptor": "aioble.ClientDescriptor(cchar(96), 4, bluetooth.UUID(0x2902))",
}


def stub_files():
    """{module name: .pyi path} for everything under stubs/."""
    out = {}
    for root, _, files in os.walk(STUBS):
        for f in files:
            if f.endswith(".pyi"):
                rel = os.path.relpath(os.path.join(root, f), STUBS)[:-4].split(os.sep)
                if rel[-1] == "__init__":
                    rel.pop()
                out[".".join(rel)] = os.path.join(root, f)
    return out


def public(name):
    return not name.startswith("_")


def stub_names(path):
    """(module's public names, {class: its public names}) that a stub declares."""
    tree = ast.parse(open(path).read(), path)
    names, classes = set(), {}

    def targets(node):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            return [node.target.id]
        if isinstance(node, ast.Assign):
            return [t.id for t in node.targets if isinstance(t, ast.Name)]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return [node.name]
        if isinstance(node, ast.ImportFrom) and node.level > 0:  # from . import fft as fft
            return [a.asname for a in node.names if a.asname == a.name]
        return []

    own, bases = {}, {}
    for node in tree.body:
        for n in targets(node):
            if public(n):
                names.add(n)
        if isinstance(node, ast.ClassDef):
            own[node.name] = set()
            for sub in node.body:
                own[node.name].update(n for n in targets(sub) if public(n))
            bases[node.name] = [b.id for b in node.bases if isinstance(b, ast.Name)]

    def members(cls):  # with what the stub's own base classes declare
        out = set(own[cls])
        for b in bases[cls]:
            if b in own:
                out |= members(b)
        return out

    for cls in own:
        if public(cls):
            classes[cls] = members(cls)
    return names, classes


PROBE = r"""
import json
import %(imports)s
%(prelude)s
CHECK = %(check)r
INSTANCES = %(instances)r
out = {}
for mod in CHECK:
    m = __import__(mod)
    for part in mod.split(".")[1:]:
        m = getattr(m, part)
    names = {}
    for a in dir(m):
        if a.startswith("_"):
            continue
        v = getattr(m, a)
        members = None
        if isinstance(v, type):
            members = [b for b in dir(v) if not b.startswith("_")]
        names[a] = [type(v).__name__, members]
    # names a stub declares that dir() does not list (loaded on first use, instance attributes)
    extra = {}
    for cls, attrs in CHECK[mod].items():
        for a in attrs:
            if cls == "":
                extra[a] = hasattr(m, a)
                if extra[a] and a not in names:
                    v = getattr(m, a)
                    names[a] = [type(v).__name__, [b for b in dir(v) if not b.startswith("_")]
                                if isinstance(v, type) else None]
            else:
                maker = INSTANCES.get(mod + "." + cls)
                if maker is None:
                    extra[cls + "." + a] = False
                else:
                    extra[cls + "." + a] = hasattr(eval(maker), a)
    out[mod] = {"names": names, "extra": extra}
out[""] = [b for b in dir(BaseException) if not b.startswith("_")]
print("PROBE" + json.dumps(out))
"""


def probe(rtpy, stubs):
    """Runs the probe in rtpy for {module: (names, classes)}; returns its JSON."""
    check = {}
    for mod, (names, classes) in stubs.items():
        c = {"": sorted(names)}
        for cls, members in classes.items():
            c[cls] = sorted(members)
        check[mod] = c
    mods = sorted(set(m.split(".")[0] for m in check) | {"bluetooth"})
    src = PROBE % {"imports": ", ".join(mods), "prelude": PRELUDE, "check": check, "instances": INSTANCES}
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(src)
    try:
        r = subprocess.run([rtpy, f.name], capture_output=True, text=True, timeout=60)
    finally:
        os.unlink(f.name)
    line = [x for x in r.stdout.splitlines() if x.startswith("PROBE")]
    if r.returncode != 0 or not line:
        raise AssertionError("probe failed (%d): %s%s" % (r.returncode, r.stdout, r.stderr))
    return json.loads(line[0][5:])


def compare(mod, stub, found, inherited=()):
    """The differences between a stub's (names, classes) and what rtpy has: a list of
    "missing in stub: ..." and "not in rtpy: ..." lines. inherited: members every exception
    has from BaseException (not repeated in the stubs)."""
    names, classes = stub
    rt, extra = found["names"], found["extra"]
    errors = []
    for n, (kind, members) in sorted(rt.items()):
        if kind == "module" and mod.split(".")[0] in PY_PACKAGES and n not in names:
            continue  # asyncio.core and the like: implementation
        if n not in names:
            errors.append("missing in stub: %s.%s" % (mod, n))
        elif members is not None and n in classes:
            for m in members:
                if m not in classes[n] and m not in inherited:
                    errors.append("missing in stub: %s.%s.%s" % (mod, n, m))
    for n in sorted(names):
        if n not in rt and not extra.get(n):
            errors.append("not in rtpy: %s.%s" % (mod, n))
    for cls, members in sorted(classes.items()):
        have = set((rt.get(cls) or [None, None])[1] or [])
        for m in sorted(members):
            if m not in have and not extra.get(cls + "." + m):
                errors.append("not in rtpy: %s.%s.%s" % (mod, cls, m))
    return errors


def mypy(args, files, cwd=TOP, mypypath=STUBS):
    env = dict(os.environ)
    env.pop("MYPYPATH", None)
    if mypypath:
        env["MYPYPATH"] = mypypath
    cache = tempfile.mkdtemp(prefix="rtpy-mypy-")
    try:
        cmd = [MYPY, "--cache-dir", cache, "--no-color-output", "--no-error-summary"] + args + files
        r = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return r.returncode, r.stdout + r.stderr


class Coverage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.stubs = {mod: stub_names(path) for mod, path in stub_files().items()}
        cls.found = probe(RTPY, cls.stubs)

    def test_every_module_stubbed(self):
        for mod in ("machine", "rtos", "_thread", "time", "micropython", "bluetooth", "ota", "ulab",
                    "ulab.numpy", "ulab.numpy.linalg", "ulab.numpy.fft", "asyncio", "aioble"):
            self.assertIn(mod, self.stubs)

    def test_names_match_rtpy(self):
        errors = []
        for mod in sorted(self.stubs):
            errors += compare(mod, self.stubs[mod], self.found[mod], self.found[""])
        self.assertEqual(errors, [], "\n".join(errors))

    def test_instance_attributes_checked(self):
        # attributes only an instance has were looked up there (not taken on trust)
        extra = self.found["machine"]["extra"]
        self.assertTrue(extra["Pin.id"])
        self.assertTrue(self.found["rtos"]["extra"]["Thread.priority"])
        self.assertTrue(self.found["ulab.numpy"]["extra"]["ndarray.shape"])

    def test_checker_catches_differences(self):
        # a stub of machine that misses Pin.toggle and ADC, and names what rtpy does not have
        names, classes = self.stubs["machine"]
        names = (names - {"ADC"}) | {"nosuch"}
        classes = dict(classes, Pin=(classes["Pin"] - {"toggle"}) | {"nosuch_method"})
        found = probe(RTPY, {"machine": (names, classes)})
        errors = compare("machine", (names, classes), found["machine"], found[""])
        self.assertIn("missing in stub: machine.ADC", errors)
        self.assertIn("missing in stub: machine.Pin.toggle", errors)
        self.assertIn("not in rtpy: machine.nosuch", errors)
        self.assertIn("not in rtpy: machine.Pin.nosuch_method", errors)
        self.assertEqual(len(errors), 4, errors)


DEVICE_EXAMPLES = sorted(os.path.join("examples", f) for f in os.listdir(EXAMPLES) if f.endswith(".py"))
OTA_DEVICE = ["app/main.py", "app/otaproto.py", "send_ble.py"]


@unittest.skipIf(MYPY is None, "mypy is not installed (Debian: mypy)")
class Mypy(unittest.TestCase):
    def check(self, rc, out):
        self.assertEqual(rc, 0, out)

    def test_stubs_strict(self):
        self.check(*mypy(["--strict"], ["stubs"]))

    def test_examples_strict(self):
        self.assertGreaterEqual(len(DEVICE_EXAMPLES), 13)
        self.check(*mypy(["--strict"], DEVICE_EXAMPLES))

    def test_ota_example_strict(self):
        ota = os.path.join(EXAMPLES, "ota_uart")
        path = STUBS + os.pathsep + os.path.join(ota, "app")
        self.check(*mypy(["--strict"], OTA_DEVICE, cwd=ota, mypypath=path))

    def test_ota_host_sender(self):
        # send.py runs in CPython on the PC: typeshed's modules, and of the stubs only ota's
        # (otaproto, shared with the device, imports it when it is there)
        ota = os.path.join(EXAMPLES, "ota_uart")
        with tempfile.TemporaryDirectory() as d:
            os.symlink(os.path.join(STUBS, "ota.pyi"), os.path.join(d, "ota.pyi"))
            path = os.path.join(ota, "app") + os.pathsep + d
            self.check(*mypy([], ["send.py"], cwd=ota, mypypath=path))

    def test_errors_found(self):
        bad = ("import time\n"
               "import rtos\n"
               "from machine import Pin\n"
               "from ulab import numpy as np\n"
               "Pin(2).value('x')\n"
               "time.sleep_ms('1')\n"
               "rtos.Thread(print, prio=3)\n"
               "n: int = np.mean(np.array([1.0]))\n"
               "Pin(2).nosuch()\n")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "bad.py")
            with open(path, "w") as f:
                f.write(bad)
            rc, out = mypy(["--strict"], [path])
        self.assertEqual(rc, 1, out)
        for line, msg in ((5, 'No overload variant of "value" of "Pin" matches argument type "str"'),
                          (6, 'Argument 1 to "sleep_ms" has incompatible type "str"; expected "int"'),
                          (7, 'Unexpected keyword argument "prio" for "Thread"'),
                          (8, 'Incompatible types in assignment (expression has type "float", variable has type'
                              ' "int")'),
                          (9, '"Pin" has no attribute "nosuch"')):
            self.assertIn("bad.py:%d: error: %s" % (line, msg), out)


def main():
    global RTPY
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    RTPY = os.path.abspath(a.rtpy)
    suite.run(Coverage, Mypy, verbose=a.verbose)


if __name__ == "__main__":
    main()
