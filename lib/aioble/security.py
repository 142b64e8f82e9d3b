# aioble.security: micropython-lib's secrets store, for scripts that call it. On rtpy the
# bluetooth module keeps the bonds itself (ble_bonds.bin, loaded at active(True), written at
# each new bond: docs/ble.md "Bonds"), so loading and saving have nothing left to do.


def load_secrets(path=None):
    pass


def save_secrets(path=None):
    pass
