# aioble for rtpy: the asyncio layer of micropython-lib's aioble (its documented API for
# peripherals, centrals, GATT server and client, pairing) over rtpy's bluetooth module, so
# that aioble scripts port over. One irq handler (core.py) dispatches the module's events to
# the objects below, which wake the waiting tasks.
from .core import GattError, ble, register_irq_handler, stop
from .device import ADDR_PUBLIC, ADDR_RANDOM, Device, DeviceConnection, DeviceDisconnectedError
from .peripheral import advertise
from .central import ScanResult, scan
from .server import (
    BufferedCharacteristic,
    Characteristic,
    Descriptor,
    Service,
    register_services,
)
from .client import ClientCharacteristic, ClientDescriptor, ClientService

PUBLIC = ADDR_PUBLIC
RANDOM = ADDR_RANDOM


def config(*args, **kwargs):
    from .core import ensure_active

    ensure_active()
    return ble.config(*args, **kwargs)
