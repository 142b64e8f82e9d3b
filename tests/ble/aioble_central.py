# tests/ble/aioble_central.py NAME: an aioble central (tests/host/test_aioble.py) against
# tests/ble/aioble_sensor.py: a scan for a name nobody has ends empty; a scan finds NAME
# (name, services, manufacturer data from the advertising data and scan response); connects,
# exchanges the MTU, discovers, reads, writes (with and without response), subscribes and
# gets notifications, an indication, a refused read (GattError), pairs, disconnects (async
# with); connects again and tells the sensor to vanish: a read then times out, the link drops
# after the supervision timeout, a read on it raises DeviceDisconnectedError, and connecting
# to the vanished device times out.
import struct
import sys
import time

import aioble
import asyncio
import bluetooth

_ENV = bluetooth.UUID(0x181A)
_TEMP = bluetooth.UUID(0x2A6E)
_CTRL = bluetooth.UUID("a0b10001-0000-4000-8000-00000000a10b")
_ALERT = bluetooth.UUID("a0b10002-0000-4000-8000-00000000a10b")
_SECRET = bluetooth.UUID("a0b10003-0000-4000-8000-00000000a10b")


async def find(name, duration_ms):
    async with aioble.scan(duration_ms, interval_us=30000, window_us=30000, active=True) as scanner:
        async for result in scanner:
            if result.name() == name and _ENV in list(result.services()):
                return result
    return None


async def main():
    name = sys.argv[1]
    t0 = time.ticks_ms()
    print("missing", await find("nobody", 500), time.ticks_diff(time.ticks_ms(), t0) // 100 * 100)
    result = await find(name, 5000)
    print("found", result.name(), list(result.services()), list(result.manufacturer()),
          list(result.manufacturer(0x1234)), result.rssi, result.connectable, result.device)
    device = result.device
    connection = await device.connect(timeout_ms=2000)
    print("connected", connection.is_connected(), connection.device == device)
    print("mtu", await connection.exchange_mtu(247), connection.mtu)
    async with connection:
        services = [s.uuid async for s in connection.services()]
        print("services", services)
        service = await connection.service(_ENV)
        print("service", service.uuid, await connection.service(bluetooth.UUID(0x1234)))
        chars = [c.uuid for c in [c async for c in service.characteristics()]]
        print("characteristics", chars)
        temp = await service.characteristic(_TEMP)
        ctrl = await service.characteristic(_CTRL)
        alert = await service.characteristic(_ALERT)
        secret = await service.characteristic(_SECRET)
        print("temp", struct.unpack("<h", await temp.read(timeout_ms=1000))[0])
        print("descriptors", [d.uuid for d in [d async for d in temp.descriptors()]])
        await ctrl.write(b"hello", response=True)
        print("wrote with response")
        await ctrl.write(b"fast", response=False)
        print("read back", await ctrl.read())
        await temp.subscribe(notify=True)
        await ctrl.write(b"burst", True)
        for i in range(4):
            data = await temp.notified(timeout_ms=2000)
            print("notified", struct.unpack("<h", data)[0])
        try:
            await temp.notified(timeout_ms=300)
        except asyncio.TimeoutError:
            print("no more notifications")
        try:
            with connection.timeout(200):
                await temp.notified()
        except asyncio.TimeoutError:
            print("connection.timeout: TimeoutError")
        await alert.subscribe(notify=False, indicate=True)
        await ctrl.write(b"indicate", True)
        print("indicated", await alert.indicated(timeout_ms=2000))
        try:
            await secret.read()
        except aioble.GattError as e:
            print("refused read: GattError", e._status)
        await connection.pair(bond=True)
        print("paired encrypted", connection.encrypted, "bonded", connection.bonded, "key", connection.key_size)
    print("after async with", connection.is_connected())

    connection = await device.connect(timeout_ms=2000)
    print("connected again", connection.is_connected())
    service = await connection.service(_ENV)
    temp = await service.characteristic(_TEMP)
    ctrl = await service.characteristic(_CTRL)
    await ctrl.write(b"vanish", True)
    await asyncio.sleep_ms(500)
    t0 = time.ticks_ms()
    try:
        await temp.read(timeout_ms=1000)
    except asyncio.TimeoutError:
        print("read timed out after", time.ticks_diff(time.ticks_ms(), t0) // 100 * 100)
    try:
        await connection.disconnected(timeout_ms=200)
    except asyncio.TimeoutError:
        print("still connected", connection.is_connected())
    await connection.disconnected(timeout_ms=10000)
    print("link dropped after", time.ticks_diff(time.ticks_ms(), t0) // 1000, "s")
    try:
        await temp.read()
    except aioble.DeviceDisconnectedError:
        print("read on a dropped link: DeviceDisconnectedError")
    t0 = time.ticks_ms()
    try:
        await device.connect(timeout_ms=1000)
    except asyncio.TimeoutError:
        print("connect timed out after", time.ticks_diff(time.ticks_ms(), t0) // 100 * 100)
    print("done")


asyncio.run(main())
