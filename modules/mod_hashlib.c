// modules/mod_hashlib.c: the hashlib module: md5, sha1, sha224 and sha256 (and new(name)),
// written from RFC 1321 and FIPS 180-4. A hash object keeps the chaining state, the byte
// count and a partial block; digest() pads a copy, so it can be called again and update()
// can go on afterwards. Objects have update/digest/hexdigest/copy, name, digest_size and
// block_size as CPython's. All four share one Merkle-Damgard frame (64-byte blocks, 64-bit
// length); only the compression function, the initial state and the byte order differ.
// Non-goals: sha384/512, sha3, blake2, pbkdf2, hmac (a Python module can build it on these).
#include <string.h>

#include "boot/crypto.h"
#include "modules/modules.h"
#include "py/gc.h"
#include "py/runtime.h"

typedef struct hash_algo {
    uint16_t name; // qstr
    uint8_t digest_size;
    uint8_t nstate;  // 32-bit words of state
    bool big_endian; // SHA: big-endian words and length; MD5: little-endian
    void (*compress)(uint32_t *h, const uint8_t *block);
    uint32_t iv[8];
} hash_algo;

typedef struct hash_obj {
    py_obj base;
    const hash_algo *algo;
    uint64_t count; // bytes hashed
    uint32_t h[8];
    uint8_t buf[64]; // count % 64 bytes pending
} hash_obj;

static uint32_t rotl(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}
static uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

// ---- MD5 (RFC 1321)
// ------------------------------------------------------------------------------- T[i] =
// floor(2**32 * |sin(i + 1)|)
static const uint32_t md5_t[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};
// Rotation amounts: four per round, repeated over the round's 16 steps.
static const uint8_t md5_s[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

static void md5_compress(uint32_t *h, const uint8_t *block) {
    uint32_t x[16];
    for (int i = 0; i < 16; i++) {
        x[i] = load_le(block + 4 * i);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int k, round = i >> 4;
        switch (round) {
        case 0:
            f = (b & c) | (~b & d);
            k = i;
            break;
        case 1:
            f = (b & d) | (c & ~d);
            k = (5 * i + 1) & 15;
            break;
        case 2:
            f = b ^ c ^ d;
            k = (3 * i + 5) & 15;
            break;
        default:
            f = c ^ (b | ~d);
            k = (7 * i) & 15;
            break;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl(a + f + md5_t[i] + x[k], md5_s[round * 4 + (i & 3)]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

// ---- SHA-1 (FIPS 180-4, 6.1)
// ------------------------------------------------------------------------
static void sha1_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[16]; // the message schedule as a 16-word ring
    for (int i = 0; i < 16; i++) {
        w[i] = load_be(block + 4 * i);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; t++) {
        if (t >= 16) {
            w[t & 15] = rotl(w[(t - 3) & 15] ^ w[(t - 8) & 15] ^ w[(t - 14) & 15] ^ w[t & 15], 1);
        }
        uint32_t f, k;
        if (t < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (t < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (t < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t tmp = rotl(a, 5) + f + e + k + w[t & 15];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = tmp;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

// ---- SHA-224/256: boot/sha256.c's compression (the bootloader's own)

static const hash_algo algos[] = {
    {PY_QSTR_md5, 16, 4, false, md5_compress, {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476}},
    {PY_QSTR_sha1,
     20,
     5,
     true,
     sha1_compress,
     {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0}},
    {PY_QSTR_sha224,
     28,
     8,
     true,
     boot_sha256_block,
     {0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7,
      0xbefa4fa4}},
    {PY_QSTR_sha256,
     32,
     8,
     true,
     boot_sha256_block,
     {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
      0x5be0cd19}},
};

// ---- the hash object
// --------------------------------------------------------------------------------
extern const py_type mod_hashlib_HASH;

static void absorb(hash_obj *o, const uint8_t *p, size_t n) {
    size_t have = (size_t)(o->count % 64);
    o->count += n;
    if (have) {
        size_t take = 64 - have < n ? 64 - have : n;
        memcpy(o->buf + have, p, take);
        p += take;
        n -= take;
        if (have + take < 64) {
            return;
        }
        o->algo->compress(o->h, o->buf);
    }
    for (; n >= 64; p += 64, n -= 64) {
        o->algo->compress(o->h, p);
    }
    py_memcpy(o->buf, p, n);
}

static void update_with(hash_obj *o, py_val data) {
    if (py_is_str(data)) {
        py_raise_msg(&py_type_TypeError, "Strings must be encoded before hashing");
    }
    py_buffer b;
    if (!py_get_buffer_maybe(data, &b, PY_BUFFER_READ)) {
        py_raise_msg(&py_type_TypeError, "object supporting the buffer API required");
    }
    absorb(o, b.buf, b.len);
}

static py_val hash_new(const hash_algo *algo, py_val data) {
    hash_obj *o = py_new_leaf_var(hash_obj, 0, &mod_hashlib_HASH); // no heap pointers inside
    o->algo = algo;
    memcpy(o->h, algo->iv, sizeof(o->h));
    if (data != PY_NULL) {
        update_with(o, data);
    }
    return (py_val)o;
}

// The digest of what was absorbed so far (o itself is unchanged).
static void finish(const hash_obj *o, uint8_t *out) {
    hash_obj t = *o;
    uint64_t bits = t.count * 8;
    uint8_t pad[72] = {0x80};
    size_t have = (size_t)(t.count % 64);
    size_t padlen = (have < 56 ? 56 : 120) - have;
    for (int i = 0; i < 8; i++) {
        pad[padlen + i] = (uint8_t)(t.algo->big_endian ? bits >> (56 - 8 * i) : bits >> (8 * i));
    }
    absorb(&t, pad, padlen + 8);
    for (size_t i = 0; i < t.algo->digest_size; i++) {
        uint32_t w = t.h[i / 4];
        out[i] = (uint8_t)(t.algo->big_endian ? w >> (24 - 8 * (i % 4)) : w >> (8 * (i % 4)));
    }
}

static py_val hash_update(py_val self, py_val data) {
    update_with((hash_obj *)self, data);
    return PY_NONE;
}
static PY_FN_OBJ_2(hash_update_obj, update, hash_update);

static py_val hash_digest(py_val self) {
    uint8_t d[32];
    finish((hash_obj *)self, d);
    return py_bytes_new(d, ((hash_obj *)self)->algo->digest_size);
}
static PY_FN_OBJ_1(hash_digest_obj, digest, hash_digest);

static py_val hash_hexdigest(py_val self) {
    uint8_t d[32];
    char hex[64];
    finish((hash_obj *)self, d);
    size_t n = ((hash_obj *)self)->algo->digest_size;
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    return py_str_new(hex, 2 * n);
}
static PY_FN_OBJ_1(hash_hexdigest_obj, hexdigest, hash_hexdigest);

static py_val hash_copy(py_val self) {
    hash_obj *o = py_new_leaf_var(hash_obj, 0, &mod_hashlib_HASH);
    *o = *(hash_obj *)self;
    return (py_val)o;
}
static PY_FN_OBJ_1(hash_copy_obj, copy, hash_copy);

static void hash_attr(py_val self, qstr attr, py_val *dest) {
    if (dest[0] == PY_SENTINEL) {
        return; // read-only
    }
    const hash_algo *a = ((hash_obj *)self)->algo;
    if (attr == PY_QSTR_name) {
        dest[0] = py_qstr_val(a->name);
    } else if (attr == PY_QSTR_digest_size) {
        dest[0] = py_small(a->digest_size);
    } else if (attr == PY_QSTR_block_size) {
        dest[0] = py_small(64);
    }
}

static void hash_print(const py_print *p, py_val self, int kind) {
    (void)kind;
    py_printf(p, "<%q HASH object>", ((hash_obj *)self)->algo->name);
}

static const py_dict_entry hash_locals_table[] = {
    PY_ROM_ENTRY(update, &hash_update_obj),
    PY_ROM_ENTRY(digest, &hash_digest_obj),
    PY_ROM_ENTRY(hexdigest, &hash_hexdigest_obj),
    PY_ROM_ENTRY(copy, &hash_copy_obj),
};
static PY_ROM_DICT(hash_locals, hash_locals_table);

const py_type mod_hashlib_HASH = {
    .base = {&py_type_type},
    .name = PY_QSTR_HASH,
    .flags = PY_TF_EQ_ID,
    .print = hash_print,
    .attr = hash_attr,
    .locals = (py_dict *)&hash_locals,
    .base_type = &py_type_object,
};

// ---- constructors -------------------------------------------------------------------------------
// sha256(string=b'', *, usedforsecurity=True) and the others; args after n_skip.
static py_val construct(const char *fn, const hash_algo *algo, size_t n_args, size_t n_kw,
                        const py_val *args, size_t n_skip) {
    static const py_arg_spec spec[] = {
        {PY_QSTR_string, 0, PY_NULL},
        {PY_QSTR_usedforsecurity, PY_ARG_KW_ONLY, PY_TRUE},
    };
    py_val a[2];
    py_arg_parse(fn, n_args, n_kw, args, n_skip, spec, 2, a);
    return hash_new(algo, a[0]);
}

static py_val hashlib_md5(size_t n_args, size_t n_kw, const py_val *args) {
    return construct("md5", &algos[0], n_args, n_kw, args, 0);
}
static PY_FN_OBJ_KW(hashlib_md5_obj, md5, hashlib_md5);
static py_val hashlib_sha1(size_t n_args, size_t n_kw, const py_val *args) {
    return construct("sha1", &algos[1], n_args, n_kw, args, 0);
}
static PY_FN_OBJ_KW(hashlib_sha1_obj, sha1, hashlib_sha1);
static py_val hashlib_sha224(size_t n_args, size_t n_kw, const py_val *args) {
    return construct("sha224", &algos[2], n_args, n_kw, args, 0);
}
static PY_FN_OBJ_KW(hashlib_sha224_obj, sha224, hashlib_sha224);
static py_val hashlib_sha256(size_t n_args, size_t n_kw, const py_val *args) {
    return construct("sha256", &algos[3], n_args, n_kw, args, 0);
}
static PY_FN_OBJ_KW(hashlib_sha256_obj, sha256, hashlib_sha256);

// new(name, string=b''): the name in any case.
static py_val hashlib_new(size_t n_args, size_t n_kw, const py_val *args) {
    if (n_args < 1) {
        py_raise_msg(&py_type_TypeError, "new() missing required argument 'name' (pos 1)");
    }
    size_t len;
    const char *name = py_get_str(args[0], &len);
    for (size_t i = 0; i < sizeof(algos) / sizeof(algos[0]); i++) {
        size_t alen;
        const char *an = py_qstr_data(algos[i].name, &alen);
        bool eq = alen == len;
        for (size_t k = 0; eq && k < len; k++) {
            eq = (name[k] | 0x20) == an[k];
        }
        if (eq) {
            return construct("new", &algos[i], n_args, n_kw, args, 1);
        }
    }
    py_raise_fmt(&py_type_ValueError, "unsupported hash type %.*s", (int)len, name);
}
static PY_FN_OBJ_KW(hashlib_new_obj, new, hashlib_new);

static const py_dict_entry hashlib_table[] = {
    PY_ROM_ENTRY(__name__, py_qstr_val_const(PY_QSTR_hashlib)),
    PY_ROM_ENTRY(md5, &hashlib_md5_obj),
    PY_ROM_ENTRY(sha1, &hashlib_sha1_obj),
    PY_ROM_ENTRY(sha224, &hashlib_sha224_obj),
    PY_ROM_ENTRY(sha256, &hashlib_sha256_obj),
    PY_ROM_ENTRY(new, &hashlib_new_obj),
};
static PY_ROM_DICT(hashlib_globals, hashlib_table);

const py_module mod_hashlib_module = {{&py_type_module}, (py_dict *)&hashlib_globals};
