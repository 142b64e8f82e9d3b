# ChainMap: lookups search the maps in order; writes go to the first map.
from collections import ChainMap

defaults = {"color": "red", "user": "guest"}
args = {"user": "ann"}
cm = ChainMap(args, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), "color" in cm, cm.get("x", 0))
cm["color"] = "blue"
print(args, defaults, cm["color"])
del cm["color"]
print(cm["color"])
try:
    del cm["user2"]
except KeyError:
    print("KeyError")
child = cm.new_child({"user": "root"})
print(child["user"], child.parents["user"], len(child.maps))
print(cm, ChainMap())
print(dict(cm), list(cm.items()) == [(k, cm[k]) for k in cm])
print(cm == ChainMap({"user": "ann"}, {"color": "red", "user": "guest"}))
print(ChainMap({1: 1}) | {2: 2}, {2: 2} | ChainMap({1: 1}))
print(ChainMap({"a": 1}).copy(), ChainMap.fromkeys("ab", 0))
try:
    ChainMap({})["missing"]
except KeyError:
    print("KeyError: missing")
print(cm.pop("user"), cm.maps)
print(bool(ChainMap()), bool(ChainMap({}, {"x": 1})))
