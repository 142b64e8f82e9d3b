# modules/: Python modules written in C.
MODULES_SRC := $(wildcard modules/*.c)
MODULES_OBJ := $(addprefix $(BUILD)/,$(MODULES_SRC:.c=.o))
