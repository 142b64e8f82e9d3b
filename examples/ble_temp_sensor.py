# examples/ble_temp_sensor.py: a temperature sensor as phones expect one: the Environmental
# Sensing service (0x181A) with a Temperature characteristic (0x2A6E: sint16, hundredths of a
# degree Celsius) that can be read and notifies once a second. The sensor is an analog front
# end on ADC pin 34 giving 1.65 V at 25 °C and 100 mV/°C: on the simulated board the pin reads a
# slow sine of 1.65 V ± 1 V, so the temperature swings between 15 and 35 °C (docs/board-sim.md).
#   build/host/rtpy-air /tmp/air --wait=2 --exit-when-empty &
#   build/host/rtpy --air=/tmp/air,name=sensor examples/ble_temp_sensor.py &
#   build/host/rtpy --air=/tmp/air,name=phone,x=4 examples/ble_temp_client.py
import struct
import sys
import time

import bluetooth
import machine

import ble_adv

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from typing import Any

_IRQ_CENTRAL_CONNECT = 1
_IRQ_CENTRAL_DISCONNECT = 2

ENV_SENSING = bluetooth.UUID(0x181A)
TEMPERATURE = bluetooth.UUID(0x2A6E)
APPEARANCE_THERMOMETER = 768

adc = machine.ADC(machine.Pin(34), atten=machine.ADC.ATTN_11DB)  # up to 3.3 V
ble = bluetooth.BLE()
conns: set[int] = set()
served = [0]


def celsius() -> float:
    return 25 + (adc.read_uv() / 1e6 - 1.65) * 10


def irq(event: int, data: tuple[Any, ...]) -> None:
    if event == _IRQ_CENTRAL_CONNECT:
        conns.add(data[0])
    elif event == _IRQ_CENTRAL_DISCONNECT:
        conns.discard(data[0])
        served[0] += 1
        advertise()


def advertise() -> None:
    ble.gap_advertise(250000, ble_adv.payload(name="rtpy-temp", services=[ENV_SENSING],
                                              appearance=APPEARANCE_THERMOMETER))


ble.irq(irq)
ble.active(True)
((temp_handle,),) = ble.gatts_register_services(
    ((ENV_SENSING, ((TEMPERATURE, bluetooth.FLAG_READ | bluetooth.FLAG_NOTIFY),)),))
advertise()
runs = int(sys.argv[1]) if len(sys.argv) > 1 else 1  # centrals to serve before stopping
while served[0] < runs:
    value = struct.pack("<h", round(celsius() * 100))
    ble.gatts_write(temp_handle, value)  # what a read gets
    for conn in conns:
        ble.gatts_notify(conn, temp_handle)  # the value just written, to each central
    time.sleep_ms(1000)
