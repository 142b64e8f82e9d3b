// boot/keys.c: the trusted public keys (boot/keys.h). BOOT_KEY_INC names a file in the format
// of `rtpy-img getpub -e lang-c` (rtpy_boot_pubkey[], a DER SubjectPublicKeyInfo); the
// default is the fixture TEST key, whose private half is public in this repository: a device
// that ships must be built with BOOT_KEY=its-own-key.pem (docs/ota.md).
#include "boot/keys.h"

#ifndef BOOT_KEY_INC
#define BOOT_KEY_INC "boot/key_test_ed25519.inc"
#endif

#include BOOT_KEY_INC

// An Ed25519 SubjectPublicKeyInfo is 44 bytes, a P-256 one 91: the array says which it is.
_Static_assert(sizeof(rtpy_boot_pubkey) == 44 || sizeof(rtpy_boot_pubkey) == 91,
               "BOOT_KEY must be an Ed25519 or ECDSA P-256 key");

const boot_key boot_trusted_keys[] = {
    {rtpy_boot_pubkey, sizeof(rtpy_boot_pubkey),
     sizeof(rtpy_boot_pubkey) == 44 ? BOOT_KEY_ED25519 : BOOT_KEY_P256},
};
const unsigned boot_trusted_keys_n = sizeof(boot_trusted_keys) / sizeof(boot_trusted_keys[0]);

void boot_config_trusted(boot_config *cfg) {
    boot_config_default(cfg);
    cfg->keys = boot_trusted_keys;
    cfg->n_keys = boot_trusted_keys_n;
}
