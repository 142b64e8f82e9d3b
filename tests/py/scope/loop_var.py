# Loop variables stay bound after the loop and can be reused.
for i in range(3):
    pass
print(i)
for i in []:
    pass
print(i)
while True:
    j = "set in while"
    break
print(j)
if True:
    k = "set in if"
print(k)
try:
    m = "set in try"
finally:
    pass
print(m)


class Ctx:
    def __enter__(self):
        return "entered"

    def __exit__(self, *exc):
        return None


with Ctx() as w:
    pass
print(w)
