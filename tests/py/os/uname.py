# uname(): five strings, by index and by name
import os
u = os.uname()
print(len(u), all(isinstance(x, str) for x in u))
print(u.sysname == u[0], u.machine == u[4], u.release == u[2])
print(u.sysname)
