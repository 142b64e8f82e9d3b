# The sys and gc modules import and expose what Step 1 needs.
import sys
import gc

print(callable(gc.collect), callable(gc.enable), callable(gc.disable), callable(gc.isenabled))
print(isinstance(sys.argv, list), isinstance(sys.path, list), callable(sys.exit))
print(hasattr(sys, "stdout"), hasattr(sys, "stderr"))
