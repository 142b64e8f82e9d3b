# Case mapping of non-ASCII letters (needs unicode case tables, unlike ASCII-only ports).
print("é".upper(), "ÀÉÎ".lower(), "ω".upper(), "Σ".lower())
print("café".upper(), "ÉCOLE".lower(), "ñandú".title())
print("é".isalpha(), "É".isupper(), "é".islower(), "日".isalpha())
