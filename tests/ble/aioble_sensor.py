# tests/ble/aioble_sensor.py NAME N: an aioble peripheral (tests/host/test_aioble.py): the
# Environmental Sensing service with a Temperature (read, notify), a control characteristic
# (written with or without response; its writes drive the test), an alert (indicate) and a
# write-only one (reads refused). Serves N connections in turn; on the control write "vanish"
# it loses power (machine.reset: the process ends with status 6).
import struct
import sys

import aioble
import asyncio
import bluetooth
import machine

_ENV = bluetooth.UUID(0x181A)
_TEMP = bluetooth.UUID(0x2A6E)
_CTRL = bluetooth.UUID("a0b10001-0000-4000-8000-00000000a10b")
_ALERT = bluetooth.UUID("a0b10002-0000-4000-8000-00000000a10b")
_SECRET = bluetooth.UUID("a0b10003-0000-4000-8000-00000000a10b")

svc = aioble.Service(_ENV)
temp = aioble.Characteristic(svc, _TEMP, read=True, notify=True, initial=struct.pack("<h", 2150))
ctrl = aioble.Characteristic(svc, _CTRL, read=True, write=True, write_no_response=True, capture=True)
alert = aioble.Characteristic(svc, _ALERT, read=True, indicate=True, initial=b"calm")
secret = aioble.Characteristic(svc, _SECRET, write=True)
aioble.register_services(svc)
print("temp initial", struct.unpack("<h", temp.read())[0])


async def serve(conn):
    t = 2150
    while True:
        c, data = await ctrl.written()
        print("written", c is conn, data, ctrl.read())
        if data == b"burst":
            for i in range(3):
                t += 25
                temp.write(struct.pack("<h", t), send_update=True)
                await asyncio.sleep_ms(40)
            temp.notify(conn, b"\xff\x7f")  # explicit data: not the value
            print("temp now", struct.unpack("<h", temp.read())[0])
        elif data == b"indicate":
            await alert.indicate(conn, b"alert!", timeout_ms=2000)
            print("indication confirmed")
        elif data == b"vanish":
            print("power off")
            await asyncio.sleep_ms(50)
            machine.reset()


async def main():
    name, n = sys.argv[1], int(sys.argv[2])
    try:
        await aioble.advertise(50000, name=name, timeout_ms=300)
    except asyncio.TimeoutError:
        print("advertise timeout")
    for i in range(n):
        conn = await aioble.advertise(50000, name=name, services=[_ENV], appearance=768,
                                      manufacturer=(0xABCD, b"1234"), timeout_ms=20000)
        print("connection", i, conn.is_connected(), conn.device)
        task = asyncio.create_task(serve(conn))
        await conn.disconnected()
        task.cancel()
        print("disconnected", i, conn.is_connected(), "encrypted", conn.encrypted, "bonded", conn.bonded)
    print("done")


asyncio.run(main())
