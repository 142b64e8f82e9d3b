"""What can go wrong, each with the exit status the command line gives it."""


class RemoteError(Exception):
    status = 1

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class DeviceError(RemoteError):
    """Code on the device raised: `message` is its traceback text."""
    status = 1


class Usage(RemoteError):
    status = 2


class DeviceAbsent(RemoteError):
    """No such device, or it cannot be opened or started."""
    status = 3


class DeviceGone(RemoteError):
    """The device went away while we talked to it (EOF: unplugged, the program exited)."""
    status = 3


class DeviceBusy(RemoteError):
    """Someone else holds the port, or the device does not give us a raw REPL prompt."""
    status = 4


class ProtocolError(RemoteError):
    """The device answered something the REPL protocol does not allow."""
    status = 5
