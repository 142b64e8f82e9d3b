# aioble for rtpy: the asyncio layer of micropython-lib's aioble (its documented API for
# peripherals, centrals, GATT server and client, pairing) over rtpy's bluetooth module, so
# that aioble scripts port over. One irq handler (core.py) dispatches the module's events to
# the objects of the other parts, which wake the waiting tasks. The parts load on first use
# (a peripheral never loads the central's scanning nor the GATT client), to keep RAM free.
from .core import GattError, ble, config, register_irq_handler, stop
from .device import ADDR_PUBLIC, ADDR_RANDOM, Device, DeviceConnection, DeviceDisconnectedError

PUBLIC = ADDR_PUBLIC
RANDOM = ADDR_RANDOM

_lazy = {
    "advertise": "peripheral",
    "scan": "central",
    "ScanResult": "central",
    "Service": "server",
    "Characteristic": "server",
    "BufferedCharacteristic": "server",
    "Descriptor": "server",
    "register_services": "server",
    "ClientService": "client",
    "ClientCharacteristic": "client",
    "ClientDescriptor": "client",
}


def __getattr__(name):
    sub = _lazy.get(name)
    if sub is None:
        raise AttributeError("module 'aioble' has no attribute '%s'" % name)
    mod = __import__("aioble." + sub, None, None, [name])
    value = getattr(mod, name)
    globals()[name] = value
    return value
