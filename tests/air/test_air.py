#!/usr/bin/env python3
# tests/air/test_air.py: rtpy-air (ble/air/) with 2-3 scripted devices (tests/air/air_dev.c):
# exact arrival times across join offsets, determinism, seeded loss, range and RSSI,
# collisions, late joiners, leavers, global deadlock, a vanished medium, real time, signals,
# and the kernel without a gate. Ends with "N passed, N failed".
#   test_air.py --air build/host/rtpy-air --dev build/host/tests/air/air_dev [-k NAME]
import argparse
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

ARGS = None
TMP = tempfile.mkdtemp(prefix="rtpy-air-test-")
RESULTS = []


def air_time(n):
    return (8 + n) * 8000


class Medium:
    n = 0

    def __init__(self, *opts):
        Medium.n += 1
        self.sock = os.path.join(TMP, "air%d.sock" % Medium.n)
        self.log = os.path.join(TMP, "air%d.log" % Medium.n)
        self.p = subprocess.Popen([ARGS.air, self.sock, "--log=" + self.log] + list(opts),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        t = time.time() + 5
        while not os.path.exists(self.sock):
            if time.time() > t or self.p.poll() is not None:
                raise RuntimeError("rtpy-air did not start")
            time.sleep(0.01)

    def dev(self, name, *opts):
        return Device(self.sock, name, opts)

    def finish(self, timeout=30):
        try:
            _, self.err = self.p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            _, self.err = self.p.communicate()
            raise RuntimeError("rtpy-air did not exit")
        self.rc = self.p.returncode
        check(not re.search("runtime error|Sanitizer", self.err), "rtpy-air: " + self.err)
        with open(self.log) as f:
            self.logtext = f.read()
        return self

    def stop(self, sig=signal.SIGTERM):
        self.p.send_signal(sig)
        return self.finish()


class Device:
    n = 0

    def __init__(self, sock, name, opts):
        self.name = name
        cmd = [ARGS.dev, "--name=" + name] + (["--sock=" + sock] if sock else []) + list(opts)
        # Files, not pipes: a device blocked on a full pipe would stop the whole lock-step.
        Device.n += 1
        self.files = [open(os.path.join(TMP, "dev%d.%s" % (Device.n, e)), "w+") for e in ("out", "err")]
        self.p = subprocess.Popen(cmd, stdout=self.files[0], stderr=self.files[1], text=True)

    def finish(self, timeout=60):
        try:
            self.p.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
            raise RuntimeError("device %s did not exit" % self.name)
        for f in self.files:
            f.seek(0)
        self.out, self.err = (f.read() for f in self.files)
        for f in self.files:
            f.close()
        self.rc = self.p.returncode
        check(not re.search("runtime error|Sanitizer", self.err), self.name + ": " + self.err)
        self.offset = 0
        self.tx, self.rx = {}, []
        for line in self.out.splitlines():
            f = dict(kv.split("=", 1) for kv in line.split()[1:])
            if line.startswith("join"):
                self.offset = int(f["offset"])
            elif line.startswith("tx"):
                self.tx[int(f["seq"])] = int(f["t"])
            elif line.startswith("rx"):
                self.rx.append({k: (v if k == "from" else int(v)) for k, v in f.items()})
        return self


def run(medium_opts, devs, **kw):
    m = Medium(*medium_opts)
    ds = [m.dev(n, *o) for n, o in devs]
    for d in ds:
        d.finish()
    m.stop() if not kw.get("exits") else m.finish()
    return m, {d.name: d for d in ds}


def check(cond, msg):
    if not cond:
        raise AssertionError(msg)


def exact(ds, receivers=None, plen=30):
    """Every reception at its sender's start + air time, on the medium's clock."""
    n = 0
    for r in ds.values():
        if receivers and r.name not in receivers:
            continue
        for x in r.rx:
            s = ds[x["from"]]
            want = s.tx[x["seq"]] + s.offset + air_time(x["len"])
            check(x["t"] + r.offset == want,
                  "%s got %s#%d at %d+%d, expected %d" % (r.name, x["from"], x["seq"], x["t"],
                                                          r.offset, want))
            n += 1
    return n


EVERY = ["--every=20000", "--len=30"]


def test_exact_times():
    m, ds = run(["--wait=3"], [("A", EVERY), ("B", EVERY + ["--first=5000", "--pos=3,4"]),
                               ("C", EVERY + ["--first=7000", "--busy=300", "--ch=38"])])
    for d in ds.values():
        check(d.rc == 0, "%s exit %d: %s" % (d.name, d.rc, d.err))
        check(len(d.tx) == 50, "%s sent %d" % (d.name, len(d.tx)))
        check(len(d.rx) == 100, "%s received %d" % (d.name, len(d.rx)))
        check(all(x["crc"] == 1 for x in d.rx), "crc errors without collisions")
    check(exact(ds) == 300, "count")
    check("+ A joined" in m.err and "- C left" in m.err, m.err)
    check(len(m.logtext.splitlines()) == 150, "log lines")


def test_deterministic():
    outs = []
    for _ in range(2):
        m, ds = run(["--wait=3", "--loss=20", "--seed=3"],
                    [("A", EVERY), ("B", EVERY + ["--first=100", "--busy=250"]),
                     ("C", ["--every=7000", "--len=40"])])
        outs.append(([ds[n].out for n in "ABC"], m.logtext))
    check(outs[0] == outs[1], "two runs differ")


def test_loss_seeded():
    res = []
    for seed in (7, 7, 8):
        m, ds = run(["--wait=2", "--loss=30", "--seed=%d" % seed],
                    [("A", ["--every=1000", "--len=20"]), ("B", [])])
        res.append([(x["seq"]) for x in ds["B"].rx])
        exact(ds)
    n = len(res[0])
    check(abs(n / 1000 - 0.70) < 0.05, "received %d of 1000 with 30%% loss" % n)
    check(res[0] == res[1], "same seed, different losses")
    check(res[0] != res[2], "different seeds, same losses")


def test_range_rssi():
    m, ds = run(["--wait=3", "--range=50"],
                [("A", EVERY + ["--pos=0,0"]), ("B", EVERY + ["--pos=10,0", "--first=3000"]),
                 ("C", EVERY + ["--pos=55,0", "--first=6000", "--tx=4"])])
    src = {n: {x["from"] for x in d.rx} for n, d in ds.items()}
    check(src == {"A": {"B"}, "B": {"A", "C"}, "C": {"B"}}, "reach %s" % src)
    rs = {x["from"]: x["rssi"] for x in ds["B"].rx}
    # free space on channel 37 (2402 MHz): 0 dBm at 10 m -> -60 dBm; 4 dBm at 45 m -> -69
    fspl = lambda d: 20 * math.log10(d) + 20 * math.log10(2402) - 27.55
    check(rs["A"] == round(-fspl(10)) and rs["C"] == round(4 - fspl(45)), "rssi %s" % rs)
    check(rs["A"] > rs["C"], "rssi order")
    exact(ds)


def test_collisions():
    m, ds = run(["--wait=3"], [("A", EVERY), ("B", EVERY + ["--first=100"]),
                               ("C", EVERY + ["--first=10000"])])
    for x in ds["C"].rx:
        check(x["crc"] == 0, "C got an intact packet from overlapping A and B")
    check(len(ds["C"].rx) == 100, "C received %d" % len(ds["C"].rx))
    check(all(x["crc"] == 0 for x in ds["A"].rx if x["from"] == "B"), "A from B")
    check(all(x["crc"] == 1 for x in ds["A"].rx if x["from"] == "C"), "A from C")
    check(" collision " in m.logtext, "log")
    exact(ds)
    # the same on different channels: no collision
    m, ds = run(["--wait=3"], [("A", EVERY), ("B", EVERY + ["--first=100", "--ch=39"]),
                               ("C", ["--every=0"])])
    check(all(x["crc"] == 1 for x in ds["C"].rx) and len(ds["C"].rx) == 100, "other channel")


def test_late_joiner_and_kill():
    m = Medium("--wait=2")
    a = m.dev("A", *EVERY, "--for=1000000000")
    b = m.dev("B", *EVERY, "--first=5000", "--for=1000000000")
    time.sleep(0.5)
    c = Device(m.sock, "C", EVERY + ["--first=1000", "--for=300000"]).finish()
    check(c.rc == 0, "C: %d %s" % (c.rc, c.err))
    check(c.offset > 0, "C joined at 0")
    check(29 <= len(c.rx) <= 31, "C received %d" % len(c.rx))
    time.sleep(0.2)
    m.p.kill()  # the medium vanishes: the devices must notice and exit
    t0 = time.time()
    a.finish(10), b.finish(10)
    m.finish()
    check(time.time() - t0 < 5, "slow to notice")
    for d in (a, b):
        check(d.rc == 5 and "lost the radio medium" in d.err, "%s: %d %s" % (d.name, d.rc, d.err))
    got = [x for x in a.rx if x["from"] == "C"]
    check(14 <= len(got) <= 16, "A received %d from C" % len(got))
    check(exact({"A": a, "B": b, "C": c}, receivers={"C"}) == len(c.rx), "C exact")
    # A's receptions from C, on the medium's clock
    for x in got:
        check(x["t"] + a.offset == c.tx[x["seq"]] + c.offset + air_time(30), "A from C")
    check("+ C joined" in m.err and "- C left" in m.err, m.err)


def test_leave_midway():
    m, ds = run(["--wait=3"], [("A", EVERY), ("B", EVERY + ["--first=5000"]),
                               ("C", EVERY + ["--first=9000", "--for=300000"])])
    a = ds["A"]
    check(all(d.rc == 0 for d in ds.values()), "exit codes")
    fromc = [x for x in a.rx if x["from"] == "C"]
    fromb = [x for x in a.rx if x["from"] == "B"]
    check(len(fromc) == 15 and len(fromb) == 50, "A: %d from C, %d from B" % (len(fromc), len(fromb)))
    check(max(x["t"] for x in fromb) > 900000000, "B goes on")
    check(re.search(r"- C left \(id \d, at 0\.300", m.err), m.err)
    exact(ds)


def test_global_deadlock():
    m = Medium("--wait=2")
    a = m.dev("A", *EVERY, "--for=100000", "--hang")
    b = m.dev("B", "--for=50000", "--hang")
    a.finish(), b.finish(), m.finish()
    for d in (a, b):
        check(d.rc == 3 and "global deadlock" in d.err, "%s: %d %s" % (d.name, d.rc, d.err))
    check(m.rc == 3 and "global deadlock at 100" in m.err, "medium: %d %s" % (m.rc, m.err))


def test_no_gate_unchanged():
    # Without a medium the kernel runs alone: the same local schedule as with one.
    d = Device(None, "A", EVERY + ["--busy=300"]).finish()
    m, ds = run(["--wait=2"], [("A", EVERY + ["--busy=300"]), ("B", EVERY + ["--first=5000"])])
    check(d.rc == 0 and d.tx == ds["A"].tx and len(d.tx) == 50, "schedule differs")
    check(d.out.splitlines()[-1] == ds["A"].out.splitlines()[-1], "end time differs")
    # ... and its own deadlock detection still works
    d = Device(None, "A", ["--for=1000", "--hang"]).finish()
    check(d.rc == 3 and "rtpy kernel: deadlock" in d.err, "deadlock: %d %s" % (d.rc, d.err))


def test_real_time():
    m = Medium("--time=real", "--exit-when-empty")
    a = m.dev("A", "--real", *EVERY, "--for=400000")
    b = m.dev("B", "--real", *EVERY, "--for=400000", "--first=3000")
    a.finish(), b.finish()
    m.finish()
    check(a.rc == 0 and b.rc == 0, "exit %d %d %s" % (a.rc, b.rc, a.err + b.err))
    check(len(a.rx) >= 10 and len(b.rx) >= 10, "received %d %d" % (len(a.rx), len(b.rx)))
    check(m.rc == 0 and "the last device has left" in m.err, m.err)
    # a virtual-time device is refused by a real-time medium
    m = Medium("--time=real")
    d = m.dev("V", *EVERY).finish()
    m.stop()
    check(d.rc == 1 and "air_join" in d.err and "refused" in m.err, d.err + m.err)


def test_signal_and_empty():
    m = Medium()
    time.sleep(0.1)
    m.stop(signal.SIGINT)
    check(m.rc == 0 and "stopped by signal 2" in m.err, m.err)
    check(not os.path.exists(m.sock), "socket left behind")
    m, ds = run(["--exit-when-empty"], [("A", EVERY)], exits=True)
    check(m.rc == 0 and ds["A"].rc == 0, "exit-when-empty")


def cleanup():
    for f in os.listdir(TMP):
        os.unlink(os.path.join(TMP, f))
    os.rmdir(TMP)


def main():
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("--air", required=True)
    ap.add_argument("--dev", required=True)
    ap.add_argument("-k", default="")
    ARGS = ap.parse_args()
    tests = [(n, f) for n, f in sorted(globals().items()) if n.startswith("test_") and ARGS.k in n]
    passed = failed = 0
    for name, fn in tests:
        t0 = time.time()
        try:
            fn()
            print("ok   air.%s (%.1f s)" % (name[5:], time.time() - t0))
            passed += 1
        except Exception as e:  # noqa: BLE001 - report and go on
            print("FAIL air.%s: %s" % (name[5:], e))
            failed += 1
        sys.stdout.flush()
    cleanup()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
