# poll() with nothing registered returns [] after the timeout
import select
p = select.poll()
print(p.poll(0), p.poll(5), p.poll(1.5))
