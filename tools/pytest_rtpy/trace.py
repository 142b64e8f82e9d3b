"""The simulated board's text trace (`rtpy --trace=FILE`, docs/board-sim.md) as events.

One line an event, `@SECONDS.NANOSECONDS EVENT`, in the order of virtual time. The events
the board writes today are `pin N = L`, `uartN tx "bytes"`, `wdt reset` and `reset`; a line
of another kind is kept with its words (kind = the first word), so a newer board's trace
still parses. Times are kept in nanoseconds (exact) and offered in seconds.
"""
import collections
import re

Event = collections.namedtuple("Event", "ns kind target value line")
Event.t = property(lambda e: e.ns / 1e9)  # seconds
Event.__doc__ = """One trace line: ns (virtual time), kind ("pin", "uart", "wdt", "reset" or
another word), target (the pin or UART number, else None), value (a pin's level 0/1, the
bytes a UART wrote, else the rest of the line), line (the text)."""

PIN_NAMES = {"LED": 2, "BUTTON": 0}
_LINE = re.compile(r"@(\d+)\.(\d{9}) (.*)$")
_PIN = re.compile(r"pin (\d+) = ([01])$")
_UART = re.compile(r'uart(\d) tx "(.*)"$')
_ESC = {"n": b"\n", "r": b"\r", "t": b"\t", "0": b"\0", "\\": b"\\", '"': b'"'}


class TraceError(ValueError):
    pass


def pin_number(pin):
    """A pin as the board numbers it: 2, "LED", "BUTTON", "GPIO12" or "12"."""
    if isinstance(pin, int) and not isinstance(pin, bool) and 0 <= pin <= 39:
        return pin
    if isinstance(pin, str):
        name = pin.strip().upper()
        if name in PIN_NAMES:
            return PIN_NAMES[name]
        digits = name[4:] if name.startswith("GPIO") else name
        if digits.isdigit() and 0 <= int(digits) <= 39:
            return int(digits)
    raise ValueError("no such pin on the simulated board: %r (0-39, LED, BUTTON, GPIOn)" % (pin,))


def unquote(text):
    """The bytes of a C-style string body with the trace's escapes (\\n \\r \\t \\0 \\\\ \\" \\xNN)."""
    out = bytearray()
    i = 0
    raw = text.encode("utf-8")
    while i < len(raw):
        c = raw[i:i + 1]
        if c != b"\\":
            out += c
            i += 1
            continue
        e = raw[i + 1:i + 2].decode("ascii", "replace")
        if e == "x":
            try:
                out.append(int(raw[i + 2:i + 4], 16))
            except ValueError:
                raise TraceError("bad escape \\x%s" % raw[i + 2:i + 4].decode("ascii", "replace"))
            i += 4
        elif e in _ESC:
            out += _ESC[e]
            i += 2
        else:
            raise TraceError("bad escape \\%s" % e)
    return bytes(out)


def parse_line(line):
    m = _LINE.match(line)
    if not m:
        raise TraceError("not a trace line: %r" % line)
    ns = int(m.group(1)) * 1000000000 + int(m.group(2))
    rest = m.group(3)
    p = _PIN.match(rest)
    if p:
        return Event(ns, "pin", int(p.group(1)), int(p.group(2)), line)
    u = _UART.match(rest)
    if u:
        return Event(ns, "uart", int(u.group(1)), unquote(u.group(2)), line)
    kind, _, value = rest.partition(" ")
    return Event(ns, kind, None, value, line)


class Trace:
    """The events of one run, in order. `Trace.parse(text)` or `Trace.load(path)`."""

    def __init__(self, events=()):
        self.events = list(events)

    @classmethod
    def parse(cls, text):
        events = []
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    events.append(parse_line(line))
                except TraceError as e:
                    raise TraceError("trace line %d: %s" % (n, e))
        return cls(events)

    @classmethod
    def load(cls, path):
        with open(path, encoding="utf-8", errors="replace") as f:
            return cls.parse(f.read())

    def __iter__(self):
        return iter(self.events)

    def __len__(self):
        return len(self.events)

    def __repr__(self):
        return "<Trace: %d events>" % len(self.events)

    def __str__(self):
        return "\n".join(e.line for e in self.events)

    def of(self, kind, target=None):
        """The events of one kind ("pin", "uart", "wdt", "reset"), of one pin/UART if given."""
        return [e for e in self.events if e.kind == kind and (target is None or e.target == target)]

    # ---- pins ----------------------------------------------------------------------------
    def pin_levels(self, pin):
        """[(seconds, level)]: every line of the pin, its first level when it became an
        output included."""
        return [(e.t, e.value) for e in self.of("pin", pin_number(pin))]

    def pin_edges(self, pin, level=None):
        """[(seconds, level)]: the pin's changes of level (the first level, which is no
        change, left out); only rising (level=1) or falling (level=0) edges if given."""
        out, last = [], None
        for e in self.of("pin", pin_number(pin)):
            if last is not None and e.value != last and (level is None or e.value == level):
                out.append((e.t, e.value))
            last = e.value
        return out

    def pin_intervals(self, pin, level=None):
        """Seconds between consecutive edges of the pin (of one direction if level given)."""
        times = [t for t, _ in self.pin_edges(pin, level)]
        return [b - a for a, b in zip(times, times[1:])]

    def level_at(self, pin, seconds):
        """The level the pin drove at that virtual time (None before it was an output)."""
        ns = round(seconds * 1e9)
        level = None
        for e in self.of("pin", pin_number(pin)):
            if e.ns > ns:
                break
            level = e.value
        return level

    # ---- UARTs and resets -----------------------------------------------------------------
    def uart_writes(self, n):
        """[(seconds, bytes)]: every write() on UART n."""
        return [(e.t, e.value) for e in self.of("uart", n)]

    def uart_tx(self, n):
        """All the bytes UART n wrote, joined."""
        return b"".join(e.value for e in self.of("uart", n))

    @property
    def resets(self):
        """The reset events ("wdt" for the watchdog, "reset" for machine.reset())."""
        return [e for e in self.events if e.kind in ("wdt", "reset")]
