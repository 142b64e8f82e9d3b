# A JSON-like parser and printer written in Python: recursive descent over a string,
# character classification, dicts and lists built on the way, then serialised back.
class Parser:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        s, i = self.s, self.i
        while i < len(s) and s[i] in " \n\t\r":
            i += 1
        self.i = i

    def value(self):
        self.ws()
        c = self.s[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        if c in "-0123456789":
            return self.number()
        for word, v in (("true", True), ("false", False), ("null", None)):
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return v
        raise ValueError("bad char %r at %d" % (c, self.i))

    def obj(self):
        self.i += 1
        d = {}
        self.ws()
        if self.s[self.i] == "}":
            self.i += 1
            return d
        while True:
            self.ws()
            k = self.string()
            self.ws()
            self.i += 1  # ':'
            d[k] = self.value()
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "}":
                return d

    def arr(self):
        self.i += 1
        a = []
        self.ws()
        if self.s[self.i] == "]":
            self.i += 1
            return a
        while True:
            a.append(self.value())
            self.ws()
            c = self.s[self.i]
            self.i += 1
            if c == "]":
                return a

    def string(self):
        j = self.s.index('"', self.i + 1)
        r = self.s[self.i + 1:j]
        self.i = j + 1
        return r

    def number(self):
        s, i = self.s, self.i
        j = i + 1
        while j < len(s) and s[j] in "0123456789.eE-+":
            j += 1
        self.i = j
        t = s[i:j]
        return float(t) if "." in t or "e" in t or "E" in t else int(t)


def dump(v):
    if isinstance(v, dict):
        return "{" + ", ".join('"%s": %s' % (k, dump(x)) for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(dump(x) for x in v) + "]"
    if isinstance(v, str):
        return '"' + v + '"'
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    return repr(v)


records = []
for i in range(300):
    records.append('{"id": %d, "name": "sensor-%d", "ok": %s, "vals": [%s], "pos": {"x": %d.5, '
                   '"y": -%d, "tag": null}}' % (i, i, "true" if i % 2 else "false",
                                                ", ".join(str(i * k) for k in range(8)), i, i * 3))
text = "[" + ",\n ".join(records) + "]"
total = 0
for _ in range(24):
    data = Parser(text).value()
    out = dump(data)
    total += len(out)
again = Parser(out).value()
print(len(text), total, again == data, data[7]["vals"][3], data[299]["pos"], sum(r["id"] for r in again))
