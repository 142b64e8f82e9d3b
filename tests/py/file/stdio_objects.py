# sys.stdin/stdout/stderr are text files on the console
import io, sys
print(isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdin, io.IOBase))
print(sys.stdin.name, sys.stdout.name, sys.stderr.name)
print(sys.stdin.mode, sys.stdout.mode)
print(sys.stdin.readable(), sys.stdout.writable(), sys.stdout.readable(), sys.stdin.writable())
print(sys.stdout.write('written\n'))
sys.stdout.flush()
print(sys.stdout.closed)
