# A TCP echo server in a thread and a client: getaddrinfo, connect, sendall, recv, stream
# reads, a timeout, select.poll on a socket, and the end of a connection.
import socket
import select
import _thread
import time

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
port = srv.getsockname()[1]
print(port > 0)
done = _thread.allocate_lock()
done.acquire()


def serve():
    conn, peer = srv.accept()
    while True:
        data = conn.recv(64)
        if not data:
            break
        conn.sendall(data.upper())
    conn.close()
    done.release()


_thread.start_new_thread(serve, ())

ai = socket.getaddrinfo("127.0.0.1", port, 0, socket.SOCK_STREAM)
print(len(ai), ai[0][0] == socket.AF_INET, ai[0][1] == socket.SOCK_STREAM, ai[0][-1][0])
c = socket.socket()
c.connect(ai[0][-1])
c.sendall(b"hello\n")
got = b""
while len(got) < 6:
    got += c.recv(64)
print(got)

# a stream view (MicroPython sockets are streams; CPython's makefile gives one)
f = c.makefile("rwb")
c.sendall(b"line one\nline two\n")
print(f.readline())
print(f.readline())

# nothing comes: recv times out (OSError on both: ETIMEDOUT here, socket.timeout there)
c.settimeout(0.2)
print(c.gettimeout())
try:
    c.recv(10)
    print("no timeout")
except OSError:
    print("timed out")
c.settimeout(None)
print(c.gettimeout())

# poll: writable at once, readable once the echo is back
p = select.poll()
p.register(c, select.POLLIN | select.POLLOUT)
print([ev & select.POLLOUT != 0 for fd, ev in p.poll(1000)])
p.modify(c, select.POLLIN)
print(p.poll(0))
c.sendall(b"x")
r = p.poll(2000)
print(len(r), r[0][1] & select.POLLIN != 0)
print(c.recv(1))

f.close()
c.close()
done.acquire()
srv.close()
try:
    c.send(b"late")
except OSError:
    print("closed")
