# io classes: IOBase is a common base; types and attributes.
import io

s, b = io.StringIO(), io.BytesIO()
print(isinstance(s, io.IOBase), isinstance(b, io.IOBase), isinstance(s, io.BytesIO))
print(issubclass(io.StringIO, io.IOBase), issubclass(io.BytesIO, io.IOBase))
print(s.line_buffering, s.encoding, s.errors)
print(hasattr(b, "line_buffering"), hasattr(s, "read1"), hasattr(b, "readinto"))
print(callable(io.StringIO), callable(io.BytesIO))
