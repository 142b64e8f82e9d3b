# Nested dicts used as a tree.
tree = {}
for path in ["a/b/c", "a/b/d", "a/e", "f"]:
    node = tree
    for part in path.split("/"):
        node = node.setdefault(part, {})
print(tree)


def count_leaves(t):
    return 1 if not t else sum(count_leaves(v) for v in t.values())


print(count_leaves(tree))
config = {"db": {"host": "x", "port": 5432}, "debug": False}
print(config["db"]["port"], config.get("db", {}).get("user", "anon"))
