# standard input at its end (the test runner's /dev/null) is readable
import select, sys
p = select.poll()
p.register(sys.stdin, select.POLLIN)
r = p.poll(0)
print([(fd, ev & select.POLLIN) for fd, ev in r])
