# startswith/endswith and the is* predicates.
s = "Python3"
print(s.startswith("Py"), s.startswith("py"), s.endswith("3"), s.endswith(("2", "3")))
print(s.startswith(("x", "P")), s.startswith("th", 2), s.endswith("on", 0, 6))
tests = ["123", "abc", "abc123", "   ", "", "ABC", "Abc", "a b", "\t\n", "Ab Cd"]
for t in tests:
    print(repr(t), t.isdigit(), t.isalpha(), t.isalnum(), t.isspace(),
          t.isupper(), t.islower())
