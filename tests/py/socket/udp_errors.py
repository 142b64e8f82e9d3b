# UDP datagrams on 127.0.0.1, non-blocking sockets, a refused connection, bad arguments and
# unknown names, and with-blocks closing sockets.
import socket
import errno

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.sendto(b"ping", a.getsockname())
data, peer = a.recvfrom(100)
print(data, peer[0], peer[1] == b.getsockname()[1])
a.sendto(b"pong", peer)
print(b.recv(100))

a.setblocking(False)
try:
    a.recv(10)
except OSError as e:
    print("would block", e.errno == errno.EAGAIN)
a.close()
b.close()

# a port nobody listens on: bind one, close it, connect to it
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
s.close()
with socket.socket() as c:
    try:
        c.connect(("127.0.0.1", port))
    except OSError as e:
        print("refused", e.errno == errno.ECONNREFUSED)
try:
    c.send(b"x")
except OSError as e:
    print("closed", e.errno == errno.EBADF)

try:
    socket.getaddrinfo("no-such-host.invalid", 80)
except OSError:
    print("unknown name")
for bad in ["127.0.0.1", ("127.0.0.1", 70000)]:
    try:
        socket.socket().connect(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__)
print(socket.getaddrinfo("localhost", 80, socket.AF_INET, socket.SOCK_STREAM)[0][-1])
