# Case mapping and character classes beyond ASCII: Latin-1, Latin Extended, Greek, Cyrillic, symbols.
words = ["àéîõü ÿ", "ÀÉÎÕÜ Ÿ", "Straße", "ĀāĂăĞğİıŁłŒœŠšŽž", "ǅǆǄ ǈ ǋ ǲ", "ƀƁƂƃƏəȺȾ", "ɐɑɒ ʃʒ",
         "ΑΒΓ αβγ ΆΈΉ άέή", "ΣΊΣΥΦΟΣ", "ΌΣΟΣ ΟΔΟΣ.", "Σ", "ΑΣ Σ ΑΣ'", "ΰΐ ᾳ ᾼ ῳ", "ϐϑϕϖϰϱϵ",
         "Привет Мир", "ЁЖЗ ёжз ЀЏ ѐџ Ѣѣ Ґґ", "ﬁﬂ ﬀ ŉ ǰ ẖ", "Ⅻ ⅻ ⓐⒶ", "Ꭰ ꭰ", "ᲐᲑ ა", "Ω K Å",
         "µ ſ ẞ", "Ǳǲǳ", "İstanbul", "ﬃ x", "Ֆ ﬓ", "𐐀𐐨 𞤀𞤢", "x\u0301Σ", "A\u00adΣ"]
for w in words:
    print(w.upper(), "|", w.lower(), "|", w.title(), "|", w.capitalize(), "|", w.swapcase(), "|", w.casefold())
print(len("ß".upper()), len("İ".lower()), len("ﬃ".upper()), "ǰ".upper() == "J\u030c", "ß".casefold())
print("ΣΑΣ".lower(), "ΣΑΣ ΣΑΣ.".lower(), "(ΣΑΣ)".lower(), "ΑΣ1".lower(), "Σa".lower(), "ΑΣ\u0301".lower())
for w in ["Éé", "éÉ", "Ǆ", "ǅ", "Ǆa", "ǅa", "ΣΑΣ", "Σας", "ß", "Ⅻ", "ǅungla", "Hello Wörld", "hELLO wÖRLD",
          "ª", "ʰ", "µ", "Ⓐ", "ⓐ", "123", "", "ᾈ", "ᾀ", "ΆΣ"]:
    print(repr(w), w.islower(), w.isupper(), w.istitle())
samples = ["é", "ß", "ǅ", "Σ", "я", "日", "ａ", "٣", "²", "½", "Ⅻ", "〇", "一", "₃", "⑩", "𝟘", "꘠",
           "\u00a0", "\u2003", "\u3000", "\x85", "\u200b", "\u2028", "\x1c", "\ufeff", "\u00ad",
           "€", "©", "→", "♥", "😀", "\u0301", "_", "ⁱ", "ℕ", "℘", "\U000e0001", "\ue000", "\U0010ffff",
           "\ud800", "\U0001d538", "\u0378", "ʰ", "ー", "ͅ"]
for c in samples:
    flags = [c.isalpha(), c.isalnum(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isspace(),
             c.isprintable(), c.isidentifier(), ("a" + c).isidentifier(), c.islower(), c.isupper(),
             c.istitle(), c.isascii()]
    print(hex(ord(c)), "".join("1" if f else "0" for f in flags))
print("ǅemal".istitle(), "Σίσυφος".istitle(), "ÉCOLE".isupper(), "école".islower(), "x²".isalnum())
print("日本語テキスト".isalpha(), "Ωmega_3".isidentifier(), "3x".isidentifier(), "ℕat".isidentifier())
print("١٢٣".isdecimal(), "١٢٣".isdigit(), "²³".isdecimal(), "²³".isdigit(), "½Ⅻ".isnumeric(), "½Ⅻ".isdigit())
print(repr("\x85\xa0\xad\u2028\u200b\ufeff\u0378\ue000é€😀\U000e0001"), ascii("é€😀"))
print("\u2000a\u2001b\u200a".split(), "a\u200bb".split(), "a\u2029b\u000bc".splitlines())
print("ÀÉÎ".lower().upper() == "ÀÉÎ", "ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ꭰ".upper(), "Ꭰ".casefold())
