# A syntax error found at a line's end (the line break token) points just past the line's
# text, with LF and CRLF line ends; the offset never runs past the line (a wrapped offset
# once made the traceback print four billion spaces).
for src in ["def _\n_len__(self):\n    pass\n", "class A:\n    def _\r\n_len__(self):\n        return 1\n",
            "x = 1\nif x\n    pass\n"]:
    try:
        compile(src, "t", "exec")
    except SyntaxError as e:
        print(e.lineno, e.offset, e.offset <= len(e.text.rstrip("\r\n")) + 1)
