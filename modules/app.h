// modules/app.h: the application bundle of the running image (docs/ota.md, "The application
// bundle"): precompiled modules in an image's payload, imported through the ".app" entry of
// sys.path (py_app_modules_hook), and the simulator's boot that finds it (modules/app.c).
#ifndef MODULES_APP_H
#define MODULES_APP_H

#include <stdbool.h>
#include <stdint.h>

#include "drivers/flash.h"

#define MOD_APP_MAGIC "RPYB"
#define MOD_APP_FORMAT_VERSION 1
#define MOD_APP_HEADER_LEN 8 // magic, u16 format version, u16 entry count

/**
 * The simulator's bootloader (the host with --flash): boot_go (boot/bootutil.h) on the
 * board's flash with the trusted keys (boot/keys.h), its log printed to stdout; then, if an
 * image runs, mod_app_open on its payload. A flash without any image boots silently, as
 * before. Returns whether an application bundle is open. Context: the Python main thread,
 * after sys.path is set up, before the file system is mounted.
 */
bool mod_app_boot(void);

/**
 * Opens the bundle at [off, off + size) of flash f: checks its header and that its entries
 * tile it exactly (printing why not), then sets py_app_modules_hook and puts ".app" first on
 * sys.path. Returns whether it is open.
 */
bool mod_app_open(drv_flash *f, uint32_t off, uint32_t size);

/**
 * Runs the bundle's `main` module in __main__'s globals, as mod_boot_run_script runs main.py
 * (its uncaught exception printed). False if no bundle is open or it has no main.
 */
bool mod_app_run_main(void);

#endif // MODULES_APP_H
