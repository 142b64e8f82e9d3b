# drivers/: the portable parts of the drivers (the interfaces are the headers here; each
# board implements them in boards/).
DRIVERS_SRC := drivers/flash.c
