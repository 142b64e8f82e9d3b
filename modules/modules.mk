# modules/: Python modules written in C.
MODULES_SRC := $(wildcard modules/*.c)
MODULES_OBJ := $(addprefix $(BUILD)/,$(MODULES_SRC:.c=.o))
# What a minimal build (MOD_CFG_MINIMAL=1: make firmware-minimal) leaves out. It keeps the
# language core, sys, gc, time, _thread, rtos, machine, micropython, io and the REPL.
MODULES_OPTIONAL := $(addprefix modules/mod_,$(addsuffix .c,array binascii collections errno \
    functools hashlib heapq itertools json math os ota random re re_compile re_match select struct))
