# repr of tuples and of nested containers.
print((), (1,), (1, 2), ("a",), ((1,),), (None, (True, [1.5])), ([],))
print(repr((1, "s")), str(("s",)))
print(tuple(range(3)), tuple(x for x in "ab"))
