# A small OO simulation: tasks with priorities on a scheduler's ready queues, messages
# through mailboxes, timers on a sorted wait list.
class Message:
    def __init__(self, src, payload):
        self.src = src
        self.payload = payload


class Mailbox:
    def __init__(self):
        self.items = []
        self.head = 0

    def put(self, m):
        self.items.append(m)

    def get(self):
        if self.head < len(self.items):
            m = self.items[self.head]
            self.head += 1
            if self.head > 64:
                del self.items[:self.head]
                self.head = 0
            return m
        return None


class Task:
    def __init__(self, sched, tid, prio):
        self.sched = sched
        self.tid = tid
        self.prio = prio
        self.box = Mailbox()
        self.runs = 0
        self.received = 0

    def step(self, now):
        self.runs += 1
        m = self.box.get()
        while m is not None:
            self.received += m.payload
            m = self.box.get()
        peer = self.sched.tasks[(self.tid * 7 + self.runs) % len(self.sched.tasks)]
        peer.box.put(Message(self.tid, self.runs & 15))
        if self.runs % 4 != 0:
            self.sched.sleep(self, now + 16 + (self.tid * 3 + self.runs) % 11)
        else:
            self.sched.ready(self)


class Producer(Task):
    def step(self, now):
        for k in range(3):
            self.sched.tasks[k].box.put(Message(self.tid, 1))
        super().step(now)


class Scheduler:
    def __init__(self):
        self.queues = [[] for _ in range(4)]
        self.sleeping = []
        self.tasks = []
        self.now = 0
        self.switches = 0

    def ready(self, t):
        self.queues[t.prio].append(t)

    def sleep(self, t, until):
        self.sleeping.append((until, t.tid, t))
        self.sleeping.sort()

    def wake(self):
        while self.sleeping and self.sleeping[0][0] <= self.now:
            self.ready(self.sleeping.pop(0)[2])

    def pick(self):
        for q in self.queues:
            if q:
                return q.pop(0)
        return None

    def run(self, ticks):
        for _ in range(ticks):
            self.wake()
            t = self.pick()
            if t is None:
                self.now += 1
                continue
            self.switches += 1
            t.step(self.now)
            self.now += 1


s = Scheduler()
for i in range(24):
    t = (Producer if i % 6 == 0 else Task)(s, i, i % 4)
    s.tasks.append(t)
    s.ready(t)
s.run(100000)
print(s.switches, s.now, sum(t.runs for t in s.tasks), sum(t.received for t in s.tasks),
      [t.runs for t in s.tasks[:6]])
