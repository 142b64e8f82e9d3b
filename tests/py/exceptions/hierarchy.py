# The standard exception hierarchy.
pairs = [
    (Exception, BaseException), (KeyError, LookupError), (IndexError, LookupError),
    (LookupError, Exception), (ZeroDivisionError, ArithmeticError),
    (OverflowError, ArithmeticError), (ArithmeticError, Exception),
    (RecursionError, RuntimeError), (NotImplementedError, RuntimeError),
    (UnboundLocalError, NameError), (StopIteration, Exception),
    (KeyboardInterrupt, BaseException), (SystemExit, BaseException),
    (GeneratorExit, BaseException), (MemoryError, Exception), (OSError, Exception),
    (AssertionError, Exception), (ImportError, Exception), (SyntaxError, Exception),
    (IndentationError, SyntaxError), (AttributeError, Exception), (TypeError, Exception),
    (ValueError, Exception), (NameError, Exception),
]
for sub, base in pairs:
    print(sub.__name__, base.__name__, issubclass(sub, base))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception))
print(issubclass(KeyError, IndexError), issubclass(ValueError, TypeError))
print(issubclass(ModuleNotFoundError, ImportError))
