# Device-style code: frames arrive as bytes, a parser cuts them out, and a small class-based
# state machine reacts to them (attribute updates, method dispatch, a ring buffer, counters).
SYNC = 0x7E
K_START, K_SAMPLE, K_STOP, K_PING = 1, 2, 3, 4


class Frame:
    def __init__(self, kind, seq, payload):
        self.kind = kind
        self.seq = seq
        self.payload = payload


class Parser:
    def __init__(self):
        self.buf = bytearray()
        self.frames = 0
        self.errors = 0

    def feed(self, data):
        self.buf.extend(data)
        out = []
        buf = self.buf
        i = 0
        n = len(buf)
        while i + 4 <= n:
            if buf[i] != SYNC:
                i += 1
                self.errors += 1
                continue
            length = buf[i + 3]
            end = i + 4 + length + 1
            if end > n:
                break
            body = buf[i + 1:end - 1]
            if sum(body) & 0xFF != buf[end - 1]:
                self.errors += 1
                i += 1
                continue
            out.append(Frame(body[0], body[1], bytes(body[3:])))
            self.frames += 1
            i = end
        del buf[:i]
        return out


class Ring:
    def __init__(self, size):
        self.items = [0] * size
        self.size = size
        self.head = 0
        self.count = 0

    def push(self, v):
        self.items[self.head] = v
        self.head = (self.head + 1) % self.size
        if self.count < self.size:
            self.count += 1

    def mean(self):
        return sum(self.items[:self.count]) // self.count if self.count else 0


class State:
    name = "state"

    def on_frame(self, m, f):
        m.ignored += 1
        return self


class Idle(State):
    name = "idle"

    def on_frame(self, m, f):
        if f.kind == K_START:
            m.sessions += 1
            return MEASURING
        return super().on_frame(m, f)


class Measuring(State):
    name = "measuring"

    def on_frame(self, m, f):
        if f.kind == K_SAMPLE:
            p = f.payload
            m.ring.push(p[0] << 8 | p[1])
            m.samples += 1
            return self
        if f.kind == K_STOP:
            m.reports.append((m.sessions, m.ring.mean()))
            return IDLE
        return super().on_frame(m, f)


class Machine:
    def __init__(self):
        self.state = IDLE
        self.ring = Ring(16)
        self.sessions = 0
        self.samples = 0
        self.ignored = 0
        self.reports = []
        self.transitions = 0

    def handle(self, f):
        new = self.state.on_frame(self, f)
        if new is not self.state:
            self.transitions += 1
            self.state = new


IDLE = Idle()
MEASURING = Measuring()


def make_frame(kind, seq, payload):
    body = bytes([kind, seq & 0xFF, len(payload)]) + payload
    return bytes([SYNC]) + body + bytes([sum(body) & 0xFF])


def traffic(n):
    seed = 12345
    chunks = []
    for seq in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        r = seed >> 16
        if seq % 50 == 0:
            kind = K_START
        elif seq % 50 == 49:
            kind = K_STOP
        elif r % 17 == 0:
            kind = K_PING
        else:
            kind = K_SAMPLE
        payload = bytes([r & 0xFF, (r >> 8) & 0xFF, seq & 0xFF])
        frame = make_frame(kind, seq, payload)
        if r % 97 == 0:
            frame = b"\x00" + frame  # line noise
        chunks.append(frame)
    return chunks


data = traffic(60000)
for rep in range(2):
    parser = Parser()
    machine = Machine()
    for k in range(0, len(data), 4):
        for f in parser.feed(b"".join(data[k:k + 4])):
            machine.handle(f)
print(parser.frames, parser.errors, machine.sessions, machine.samples, machine.ignored,
      machine.transitions, len(machine.reports), machine.reports[-1], machine.state.name)
