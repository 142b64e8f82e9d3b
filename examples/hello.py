# A first rtpy program: runs on the host (`make run`) and later on the boards.
import sys


class Sensor:
    def __init__(self, name: str, readings: list[float]) -> None:
        self.name = name
        self.readings = readings

    def mean(self) -> float:
        return sum(self.readings) / len(self.readings)


sensors = [Sensor("temp", [21.5, 22.0, 22.75]), Sensor("humidity", [40, 42, 41])]
for s in sensors:
    print(f"{s.name:>10}: mean {s.mean():.2f} over {len(s.readings)} readings")
print("running on", sys.implementation.name, sys.platform)
