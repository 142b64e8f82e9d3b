# examples/ble_aioble_central.py: a "phone" for examples/ble_aioble_sensor.py (or
# ble_temp_sensor.py) written with aioble: finds a device advertising the Environmental
# Sensing service, connects, reads the temperature, subscribes and prints three notifications,
# then disconnects.
import struct

import aioble
import asyncio
import bluetooth

ENV_SENSING = bluetooth.UUID(0x181A)
TEMPERATURE = bluetooth.UUID(0x2A6E)


async def find_sensor() -> aioble.ScanResult | None:
    async with aioble.scan(5000, interval_us=30000, window_us=30000, active=True) as scanner:
        async for result in scanner:
            if ENV_SENSING in result.services():
                return result
    return None


def degrees(data: bytes) -> str:
    return "%.2f C" % (struct.unpack("<h", data)[0] / 100)


async def main() -> None:
    result = await find_sensor()
    if result is None:
        print("no sensor found")
        return
    print("found", result.name())
    try:
        connection = await result.device.connect(timeout_ms=2000)
    except asyncio.TimeoutError:
        print("connection timed out")
        return
    async with connection:  # disconnects at the end
        service = await connection.service(ENV_SENSING)
        temperature = await service.characteristic(TEMPERATURE)
        print("read", degrees(await temperature.read(timeout_ms=1000)))
        await temperature.subscribe(notify=True)
        readings = [degrees(await temperature.notified(timeout_ms=3000)) for _ in range(3)]
        print("notified", ", ".join(readings))
    print("disconnected")


asyncio.run(main())
