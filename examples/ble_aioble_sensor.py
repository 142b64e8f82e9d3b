# examples/ble_aioble_sensor.py: examples/ble_temp_sensor.py written with aioble (lib/aioble):
# the Environmental Sensing service (0x181A) with a Temperature (0x2A6E: sint16, hundredths of
# a degree Celsius) read and notified once a second, from the ADC front end on pin 34 (the
# simulated board's slow sine: 15-35 °C). One task samples, one serves a central at a time.
#   build/host/rtpy-air /tmp/air --wait=2 --exit-when-empty &
#   build/host/rtpy --air=/tmp/air,name=sensor examples/ble_aioble_sensor.py &
#   build/host/rtpy --air=/tmp/air,name=phone,x=4 examples/ble_aioble_central.py
import struct
import sys

import aioble
import asyncio
import bluetooth
import machine

ENV_SENSING = bluetooth.UUID(0x181A)
TEMPERATURE = bluetooth.UUID(0x2A6E)
APPEARANCE_THERMOMETER = 768

adc = machine.ADC(machine.Pin(34), atten=machine.ADC.ATTN_11DB)  # up to 3.3 V
service = aioble.Service(ENV_SENSING)
temperature = aioble.Characteristic(service, TEMPERATURE, read=True, notify=True)
aioble.register_services(service)


def celsius() -> float:
    return 25 + (adc.read_uv() / 1e6 - 1.65) * 10


async def sample() -> None:
    while True:
        # what a read gets, and a notification to each subscribed central
        temperature.write(struct.pack("<h", round(celsius() * 100)), send_update=True)
        await asyncio.sleep_ms(1000)


async def serve(runs: int) -> None:
    for _ in range(runs):
        connection = await aioble.advertise(250000, name="rtpy-temp", services=[ENV_SENSING],
                                            appearance=APPEARANCE_THERMOMETER)
        print("connection from", connection.device)
        await connection.disconnected(timeout_ms=None)
        print("disconnected")


async def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1  # centrals to serve before stopping
    sampler = asyncio.create_task(sample())
    await serve(runs)
    sampler.cancel()


asyncio.run(main())
