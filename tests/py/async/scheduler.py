# A small scheduler with sleeping tasks in virtual time (no real clock).
class Sleep:
    def __init__(self, dt):
        self.dt = dt

    def __await__(self):
        yield self.dt


class Loop:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.seq = 0

    def spawn(self, coro, at=0):
        self.queue.append((at, self.seq, coro))
        self.seq += 1

    def run(self):
        while self.queue:
            self.queue.sort(key=lambda item: (item[0], item[1]))
            at, _, coro = self.queue.pop(0)
            self.now = at
            try:
                dt = coro.send(None)
                self.spawn(coro, self.now + dt)
            except StopIteration as e:
                print("t=%d finished: %s" % (self.now, e.value))


loop = Loop()


async def ticker(name, period, count):
    for i in range(count):
        print("t=%d %s tick %d" % (loop.now, name, i))
        await Sleep(period)
    return name


loop.spawn(ticker("fast", 2, 3))
loop.spawn(ticker("slow", 5, 2))
loop.run()
