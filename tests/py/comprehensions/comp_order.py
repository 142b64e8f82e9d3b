# Evaluation order inside comprehensions.
log = []


def t(tag, v):
    log.append(tag)
    return v


r = [t("expr", x) for x in t("iter", [1, 2]) if t("cond", x)]
print(r, log)
log.clear()
d = {t("key", k): t("val", k) for k in range(2)}
print(d, log)
log.clear()
r = [(a, b) for a in t("outer", [1, 2]) for b in t("inner", "xy")]
print(len(r), log)
