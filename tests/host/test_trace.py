#!/usr/bin/python3
"""The simulated board's machine-readable traces (docs/tracing.md):
  --trace-vcd=FILE    checked by tests/host/vcd_check.py, then its contents: LED edges at the
                      timer's times (and the same times as the text trace), scenario-driven
                      inputs, UART bytes at the baud rate, ADC samples
  --trace-sched=FILE  the Chrome/Perfetto JSON loaded with python3's json: its structure (thread
                      names, per-track states that tile the time line, B/E pairs), then the
                      producer/consumer example's threads alternating and blocking on the queue,
                      the button example's interrupt setting the flags its worker waits on
and that tracing changes nothing the program does, that unwritable files are refused, and
that tools/trace-timeline draws a trace.

Usage: tests/host/test_trace.py [--rtpy build/host/rtpy] [-v]
Prints "N passed, N failed"; exits non-zero on a failure. CPython's stdlib only.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import suite
import vcd_check

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(ROOT, "examples")
RTPY = "build/host/rtpy"
DEADLINE = 60.0
MS = 1000000  # ns


class Case(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def rtpy(self, args, code=None, status=0):
        cmd = [RTPY] + list(args)
        if code is not None:
            script = self.path("prog.py")
            with open(script, "w") as f:
                f.write(code)
            cmd.append(script)
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=DEADLINE, cwd=self.tmp.name)
        self.assertEqual(p.returncode, status, p.stdout + p.stderr)
        return p.stdout, p.stderr

    def vcd(self, args, code=None):
        out = self.path("t.vcd")
        self.rtpy(["--trace-vcd=" + out] + list(args), code)
        with open(out) as f:
            return vcd_check.parse(f.read())

    def sched(self, args, code=None):
        out = self.path("t.json")
        stdout, _ = self.rtpy(["--trace-sched=" + out] + list(args), code)
        with open(out) as f:
            doc = json.load(f)
        return check_sched(self, doc), stdout


def check_sched(tc, doc):
    """Asserts the trace-event structure; returns {thread name: [events]} per track."""
    tc.assertIsInstance(doc, dict)
    events = doc["traceEvents"]
    tc.assertIsInstance(events, list)
    names, by_tid = {}, {}
    for e in events:
        tc.assertIn(e["ph"], ("M", "X", "B", "E", "i"), e)
        tc.assertEqual(e["pid"], 1, e)
        if e["ph"] == "M":
            if e["name"] == "thread_name":
                tc.assertNotIn(e["tid"], names, "a track named twice")
                names[e["tid"]] = e["args"]["name"]
            continue
        tc.assertIsInstance(e["ts"], (int, float), e)
        tc.assertGreaterEqual(e["ts"], 0, e)
        if e["ph"] == "X":
            tc.assertGreaterEqual(e["dur"], 0, e)
        if e["ph"] == "i":
            tc.assertIn(e["s"], ("t", "p", "g"), e)
        by_tid.setdefault(e["tid"], []).append(e)
    tc.assertEqual(names.get(0), "interrupts")
    for tid, evs in by_tid.items():
        tc.assertIn(tid, names, "events on the unnamed track %s" % tid)
        # complete events: in time order, each state starting where the previous ended
        xs = [e for e in evs if e["ph"] == "X"]
        for a, b in zip(xs, xs[1:]):
            tc.assertLessEqual(a["ts"], b["ts"], (a, b))
            tc.assertAlmostEqual(a["ts"] + a["dur"], b["ts"], delta=0.0015, msg=(names[tid], a, b))
        # B/E pairs: every B has its E, later, on the same track
        depth, last = 0, None
        for e in evs:
            if e["ph"] == "B":
                depth += 1
            elif e["ph"] == "E":
                depth -= 1
                tc.assertGreaterEqual(depth, 0, "E without B on %s" % names[tid])
            if e["ph"] in "BE":
                tc.assertTrue(last is None or e["ts"] >= last)
                last = e["ts"]
        tc.assertEqual(depth, 0, "B without E on %s" % names[tid])
        for e in evs:
            if e["ph"] == "i":
                tc.assertIn(e.get("cat"), ("irq", "kobj"), e)
    return {names[tid]: evs for tid, evs in by_tid.items()} | {n: by_tid.get(t, []) for t, n in names.items()}


def states(evs, name=None):
    return [e for e in evs if e["ph"] == "X" and (name is None or e["name"] == name)]


class Vcd(Case):
    def test_blink_led_matches_text_trace(self):
        text = self.path("t.txt")
        v = self.vcd(["--run-for=2600", "--trace=" + text, os.path.join(EXAMPLES, "blink.py")])
        self.assertEqual(v.timescale, "1ns")
        led = v.history("LED")
        self.assertEqual(led[0], (0, "0"))  # $dumpvars: the level at start
        edges = led[1:]
        self.assertEqual([x for _, x in edges], ["1", "0", "1", "0", "1", "0"][:len(edges)])
        self.assertEqual(len(edges), 6)  # 5 timer toggles to 2.5 s, then led.off() would not change it...
        for k, (t, _) in enumerate(edges[:5]):  # ...the timer's: at k*500 ms, plus the soft handler's start
            self.assertTrue((k + 1) * 500 * MS <= t < (k + 1) * 500 * MS + MS, t)
        # the text trace (--trace) saw the very same edges
        with open(text) as f:
            lines = re.findall(r"^@(\d+)\.(\d{9}) pin 2 = ([01])$", f.read(), re.M)
        text_edges = [(int(s) * 10 ** 9 + int(ns), lvl) for s, ns, lvl in lines][1:]  # [0]: became output
        self.assertEqual(text_edges, edges)

    def test_scenario_drives_inputs(self):
        v = self.vcd(["--board=" + os.path.join(EXAMPLES, "button.board"), "--run-for=3000",
                      os.path.join(EXAMPLES, "button.py")])
        button = v.history("BUTTON")
        self.assertEqual(button[0], (0, "1"))  # pulled up
        self.assertEqual(button[1:5], [(500 * MS, "0"), (620 * MS, "1"), (1200 * MS, "0"), (1201 * MS, "1")])
        self.assertEqual(button[-2:], [(2000 * MS, "0"), (2800 * MS, "1")])
        self.assertGreaterEqual(v.end, 3000 * MS)  # the run's length

    def test_uart_bytes_and_adc_samples(self):
        v = self.vcd([], "import time\n"
                         "from machine import UART, ADC, Pin\n"
                         "u = UART(1, 9600)\n"
                         "time.sleep_ms(1)\n"
                         "u.write(b'Hi')\n"
                         "a = ADC(Pin(33))\n"
                         "time.sleep_ms(5)\n"
                         "a.read_uv()\n")
        tx = v.history("uart1_tx")
        self.assertEqual(tx[0], (0, "zzzzzzzz"))
        (t0, b0), (t1, b1), (t2, idle) = tx[1:]
        self.assertEqual((b0, b1, idle), (ord("H"), ord("i"), "zzzzzzzz"))
        self.assertTrue(1 * MS <= t0 < 2 * MS)
        frame = 10 * 10 ** 9 // 9600  # 10 bits a byte
        self.assertEqual((t1 - t0, t2 - t1), (frame, frame))
        self.assertEqual(v.history("uart2_tx"), [(0, "zzzzzzzz")])
        adc = v.history("ADC33")
        self.assertEqual(len(adc), 2)
        t, volts = adc[1]
        # the default input: 1.65 V + 1.0 V sin(2 pi 0.1 Hz t)
        self.assertAlmostEqual(volts, 1.65 + math.sin(2 * math.pi * 0.1 * t / 1e9), places=5)
        self.assertTrue(6 * MS <= t < 7 * MS)

    def test_checker_rejects_broken_files(self):
        good = ("$timescale 1ns $end\n$scope module m $end\n$var wire 1 ! a $end\n$var wire 4 \" v $end\n"
                "$upscope $end\n$enddefinitions $end\n#0\n$dumpvars\n0!\nb0 \"\n$end\n#5\n1!\n#7\nb1010 \"\n")
        v = vcd_check.parse(good)
        self.assertEqual(v.history("a"), [(0, "0"), (5, "1")])
        self.assertEqual(v.value_at("v", 7), 10)
        broken = {
            "time stamps must increase": good.replace("#7", "#3"),
            "undeclared code": good + "1%\n",
            "5 bits for the 4-bit": good + "#9\nb10101 \"\n",
            "gives no value to m.v": good.replace("b0 \"\n$end", "$end"),
            "unexpected '#0' in the header": good.replace("$enddefinitions $end", ""),
            "bad $timescale": good.replace("1ns", "3ns"),
            "used twice": good.replace("$var wire 4 \"", "$var wire 4 !"),
            "$upscope without $scope": good.replace("$upscope $end", "$upscope $end $upscope $end"),
            "scalar value for the 4-bit": good + "#9\n1\"\n",
        }
        for msg, text in broken.items():
            with self.assertRaises(vcd_check.VcdError, msg=msg) as cm:
                vcd_check.parse(text)
            self.assertIn(msg, str(cm.exception))
        bad = self.path("bad.vcd")
        with open(bad, "w") as f:
            f.write(broken["undeclared code"])
        p = subprocess.run([sys.executable, os.path.join(HERE, "vcd_check.py"), bad], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1)
        self.assertIn("undeclared code", p.stderr)

    def test_unwritable_file(self):
        _, err = self.rtpy(["--trace-vcd=" + self.path("no/such/dir.vcd"), "-c", "pass"], status=2)
        self.assertIn("can't open VCD trace file", err)


class Sched(Case):
    def test_producer_consumer(self):
        tracks, out = self.sched([os.path.join(EXAMPLES, "producer_consumer.py")])
        self.assertIn("200 ms  done", out)
        for name in ("main", "producer", "consumer", "idle"):
            self.assertTrue(states(tracks[name], "running"), name)
        # the two threads take turns: merge their running slices in time order
        runs = sorted((e["ts"], n) for n in ("producer", "consumer") for e in states(tracks[n], "running"))
        turns = sum(1 for a, b in zip(runs, runs[1:]) if a[1] != b[1])
        self.assertGreaterEqual(turns, 12)
        # the consumer waits for items, the producer for room (the queue holds 3)
        cons = {e["name"] for e in states(tracks["consumer"])}
        prod = {e["name"] for e in states(tracks["producer"])}
        self.assertIn("waiting: queue get", cons)
        self.assertIn("waiting: queue put", prod)
        # kernel-object calls: 8 items and the end marker through one queue
        puts = [e for e in tracks["producer"] if e["ph"] == "i" and e["name"] == "queue put"]
        gets = [e for e in tracks["consumer"] if e["ph"] == "i" and e["name"] == "queue get"]
        self.assertEqual((len(puts), len(gets)), (9, 9))
        self.assertEqual({e["args"]["obj"] for e in puts}, {e["args"]["obj"] for e in gets})
        self.assertTrue(all(e["args"]["result"] == 0 for e in puts + gets))
        self.assertLessEqual(max(e["args"]["count"] for e in puts), 3)
        # a blocked put ends when the consumer's get makes room: the producer becomes ready then
        wait = next(e for e in states(tracks["producer"]) if e["name"] == "waiting: queue put")
        end = wait["ts"] + wait["dur"]
        self.assertTrue(any(abs(g["ts"] - end) < 50 for g in gets), end)

    def test_interrupt_wakes_worker(self):
        tracks, _ = self.sched(["--board=" + os.path.join(EXAMPLES, "button.board"), "--run-for=1000",
                                os.path.join(EXAMPLES, "button.py")])
        irqs = [e for e in tracks["interrupts"] if e["ph"] == "i" and e.get("cat") == "irq"]
        button = [e["ts"] for e in irqs if e["name"] == "BUTTON"]
        self.assertEqual(button[:2], [500000.0, 620000.0])  # us: the scenario's edges
        self.assertIn("scenario", {e["name"] for e in irqs})
        self.assertIn("tick", {e["name"] for e in irqs})
        # the hard handler's flags.set, in interrupt context, wakes the worker waiting on them
        sets = [e["ts"] for e in tracks["interrupts"] if e["ph"] == "i" and e["name"] == "event set"]
        self.assertIn(500000.0, sets)
        waits = [e for e in states(tracks["worker"]) if e["name"] == "waiting: event"]
        self.assertTrue(any(abs(w["ts"] + w["dur"] - 500000.0) < 0.01 for w in waits))
        self.assertTrue(any(e["name"] == "event wait" and e["ts"] >= 500000.0
                            for e in tracks["worker"] if e["ph"] == "i"))

    def test_timer_interrupts(self):
        tracks, _ = self.sched(["--run-for=1600", os.path.join(EXAMPLES, "blink.py")])
        t = [e["ts"] for e in tracks["interrupts"] if e["ph"] == "i" and e["name"] == "timer0"]
        self.assertEqual(len(t), 3)
        self.assertTrue(500000.0 <= t[0] < 501000.0, t)  # from timer.init(), a few us in
        self.assertEqual([round(b - a, 3) for a, b in zip(t, t[1:])], [500000.0, 500000.0])  # no drift

    def test_tracing_changes_nothing(self):
        prog = os.path.join(EXAMPLES, "producer_consumer.py")
        plain, _ = self.rtpy([prog])
        traced, _ = self.rtpy(["--trace-sched=" + self.path("a.json"), "--trace-vcd=" + self.path("a.vcd"), prog])
        self.assertEqual(plain, traced)
        # and a second traced run writes the same trace (virtual time: deterministic)
        self.rtpy(["--trace-sched=" + self.path("b.json"), prog])
        with open(self.path("a.json")) as a, open(self.path("b.json")) as b:
            self.assertEqual(re.sub(r"0x[0-9a-f]+", "P", a.read()), re.sub(r"0x[0-9a-f]+", "P", b.read()))

    def test_thread_per_track(self):
        tracks, out = self.sched([], "import rtos\n"
                                     "for i in range(3):\n"
                                     "    t = rtos.Thread(lambda n: print('hi', n), args=(i,), name='t%d' % i)\n"
                                     "    t.join()\n")
        self.assertEqual(out, "hi 0\nhi 1\nhi 2\n")
        for name in ("t0", "t1", "t2"):
            self.assertEqual(len(states(tracks[name], "running")), 1, name)  # started, printed, ended

    def test_unwritable_file(self):
        _, err = self.rtpy(["--trace-sched=" + self.path("no/such/dir.json"), "-c", "pass"], status=2)
        self.assertIn("can't open scheduling trace file", err)

    def test_timeline_picture(self):
        trace = self.path("t.json")
        self.rtpy(["--trace-sched=" + trace, os.path.join(EXAMPLES, "producer_consumer.py")])
        svg = self.path("t.svg")
        tool = os.path.join(ROOT, "tools", "trace-timeline")
        p = subprocess.run([sys.executable, tool, trace, svg, "--to", "60"], capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        root = ET.parse(svg).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        labels = {t.text for t in root.iter(ns + "text")}
        self.assertTrue({"producer", "consumer", "main", "interrupts"} <= labels, labels)
        bars = [r for r in root.iter(ns + "rect") if r.get("fill") == "#2e9e44"]
        self.assertGreater(len(bars), 10)
        with open(self.path("bad.json"), "w") as f:
            f.write('{"traceEvents": 3}')
        p = subprocess.run([sys.executable, tool, self.path("bad.json"), svg], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1)
        self.assertIn("trace-timeline:", p.stderr)


def main():
    global RTPY
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtpy", default=RTPY)
    ap.add_argument("-v", action="store_true")
    a = ap.parse_args()
    RTPY = os.path.abspath(a.rtpy)
    suite.run(Vcd, Sched, verbose=a.v)


if __name__ == "__main__":
    main()
