"""rtpy-remote ota FILE: a signed image streamed into the device's secondary slot with its `ota`
module (docs/ota.md), in base64 lines as `fs cp` sends files, then checked there by
ota.finish(): a bad image is refused on the device before anything is pending."""
import ast

from .errors import DeviceError, RemoteError
from .fs import ENODEV, Progress, b64_programs

HELPERS = r'''
import ota, binascii
def _rr_o(s):
    ota.write(binascii.a2b_base64(s))
'''


def ota_error(what, err):
    text = err.message if isinstance(err, DeviceError) else str(err)
    lines = [l for l in text.strip().splitlines() if l.strip()]
    last = lines[-1].strip() if lines else text
    if "[Errno %d]" % ENODEV in last:
        return RemoteError("%s: the device has no flash (ENODEV: %s)" % (what, last))
    if "No module named" in last and "ota" in last:
        return RemoteError("%s: the device has no ota module" % what)
    return RemoteError("%s: %s" % (what, last))


def push(dev, path, permanent=False, progress=False, chunk=4096, say=print):
    """Writes the image at path with ota.begin/write/finish; returns pending() as the device
    reports it. RemoteError if the device refuses it."""
    with open(path, "rb") as f:
        data = f.read()
    what = "ota %s" % path
    if not data:
        raise RemoteError("%s: empty file" % what)

    def run(code):
        try:
            return dev.exec_(code)
        except DeviceError as e:
            raise ota_error(what, e)

    run(HELPERS + "ota.begin(%d)\n" % len(data))
    bar = Progress(what, len(data), progress)
    try:
        for program in b64_programs(data, "_rr_o", dev.code_budget(), chunk, bar):
            run(program)
    finally:
        bar.finish()
    out = run("ota.finish(permanent=%r)\nprint(repr(ota.pending()))" % bool(permanent))
    text = out.decode("utf-8", "replace").strip()
    try:
        pending = ast.literal_eval(text) if text else None
    except (ValueError, SyntaxError):
        raise RemoteError("%s: unexpected output from the device: %r" % (what, text[-200:]))
    if not pending:
        raise RemoteError("%s: the device reports nothing pending after finish()" % what)
    say("ota %s: %d bytes written, v%s pending (%s); it is installed at the next reset"
        % (path, len(data), pending[0], "permanent" if pending[2] else "test: reverts unless "
           "the new image calls ota.confirm()"))
    return pending
