# unsigned and 64-bit items beyond the small-int range read back exactly
import array
Q = array.array('Q', [2**64 - 1, 2**63, 0])
q = array.array('q', [-2**63, 2**63 - 1, -1])
I = array.array('I', [2**32 - 1, 2**31])
L = array.array('L', [2**32 - 1])
print(Q, q, I, L)
print(Q[0] + 1, q[0] - 1, I[0] + 1, sum(Q))
print(Q.tobytes()[:8], q.tobytes()[-8:])
Q[2] = 2**62 + 12345
print(Q[2], Q.index(2**63), 2**64 - 1 in Q, -1 in Q)
print(array.array('Q', Q.tobytes()) == Q)
