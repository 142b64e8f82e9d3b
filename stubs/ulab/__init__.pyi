# Type stubs for rtpy's `ulab` (modules/ulab/; docs/ulab.md): `from ulab import numpy as np`.
from . import numpy as numpy

__version__: str
