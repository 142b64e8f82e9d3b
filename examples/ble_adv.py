# examples/ble_adv.py: building and reading BLE advertising data (the AD structures of the
# Core Specification, Supplement part A: length, type, data), for the ble_* examples.
import struct

TYPE_CHECKING = False
if TYPE_CHECKING:  # for mypy only (docs/stubs.md): rtpy has no typing module and skips annotations
    from typing import Sequence

    from bluetooth import UUID

FLAGS = 0x01
UUID16_ALL = 0x03
UUID128_ALL = 0x07
NAME = 0x09
APPEARANCE = 0x19


def payload(name: str | None = None, services: Sequence[UUID] = (),
            appearance: int | None = None) -> bytes:
    """Advertising data: general discoverable, no BR/EDR; the name; the services' UUIDs."""
    out = bytes([2, FLAGS, 0x06])
    for uuid in services:
        raw = bytes(uuid)
        out += bytes([len(raw) + 1, UUID16_ALL if len(raw) == 2 else UUID128_ALL]) + raw
    if appearance is not None:
        out += bytes([3, APPEARANCE]) + struct.pack("<H", appearance)
    if name:
        out += bytes([len(name) + 1, NAME]) + name.encode()
    if len(out) > 31:
        raise ValueError("advertising data over 31 bytes")
    return out


def fields(adv: bytes, ad_type: int) -> list[bytes]:
    """Every field of that type in advertising data, as bytes."""
    found: list[bytes] = []
    i = 0
    while i + 1 < len(adv):
        n = adv[i]
        if n == 0 or i + 1 + n > len(adv):
            break  # a malformed structure ends the data
        if adv[i + 1] == ad_type:
            found.append(bytes(adv[i + 2:i + 1 + n]))
        i += 1 + n
    return found


def name(adv: bytes) -> str | None:
    n = fields(adv, NAME)
    return n[0].decode() if n else None
