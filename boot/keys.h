// boot/keys.h: the public keys this build trusts to sign images (docs/ota.md, "Trusted keys").
// Built in from boot/key_test_ed25519.inc (the TEST key of tests/data/mcuboot) unless the build
// is given BOOT_KEY=path.pem, whose public half tools/rtpy-img getpub turns into the C array.
#ifndef BOOT_KEYS_H
#define BOOT_KEYS_H

#include "boot/bootutil.h"

extern const boot_key boot_trusted_keys[];
extern const unsigned boot_trusted_keys_n;

/** boot_config_default with the trusted keys (no log). */
void boot_config_trusted(boot_config *cfg);

#endif // BOOT_KEYS_H
