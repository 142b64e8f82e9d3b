// modules/boot.h: the start of a board's Python session (modules/boot.c).
#ifndef MODULES_BOOT_H
#define MODULES_BOOT_H

#include <stdbool.h>

/**
 * Mounts the file system of the board's flash partition (DRV_FLASH_PART_FS_*) as the root,
 * formatting a blank one, and appends "/lib" to sys.path (as MicroPython's boards have it).
 * False if the board has no flash, or (having printed why) if it cannot be mounted.
 * Context: the Python main thread, after sys.path is set up, before Python code runs.
 */
bool mod_boot_mount_flash(void);

/**
 * Runs the script `name` (boot.py, main.py) in __main__'s globals: the root file system's
 * copy if there is one, else the frozen one. Prints its uncaught exception (a SystemExit ends
 * it quietly). Returns whether there was such a script. Context: the Python main thread.
 */
bool mod_boot_run_script(const char *name);

#endif // MODULES_BOOT_H
