// modules/mod_re.h: the regular-expression engine behind the re module, shared by
// mod_re.c (the Python objects), mod_re_compile.c (pattern text → program) and
// mod_re_match.c (the backtracking matcher).
//
// A program is an array of 32-bit words in the GC heap (a leaf). Each instruction is one word
// (opcode in the low 8 bits, a 24-bit argument above it, signed for jumps), some followed by
// operand words. Jumps are relative to the instruction's own index, so a compiled fragment can
// be moved as a block (the compiler inserts repeat and branch headers in front of atoms).
//
//     CHAR c        one character equal to c (bit 21 of the argument is free)
//     CHAR_I c      one character whose case fold is c (c already folded); RE_U: Unicode fold
//     ANY / ANY_ALL one character other than '\n' / any one character
//     CLASS         argument = n << 3 | RE_CL_*; then n words of items (see RE_IT_*)
//     AT k          a zero-width test RE_AT_* (RE_U: Unicode word characters for \b \B)
//     JMP d         continue at pc + d
//     BRANCH d      continue at pc + 1; on failure, resume at pc + d
//     PREFER d      continue at pc + d; on failure, resume at pc + 1 (lazy ? )
//     SAVE n        capture slot n := position (group g: 2g start, 2g + 1 end)
//     REPEAT1 m     [min][max] then one single-character instruction: repeat it
//                   (m: RE_GREEDY, RE_LAZY, RE_POSSESSIVE)
//     LOOP_INIT r   reset loop r's counters, then fall into the LOOP that follows
//     LOOP r|m<<16  [min][max][exit d]; body; LOOP_END (jumps back to the LOOP)
//     BACKREF g     the text group g matched (RE_I: ignoring case, RE_U: Unicode fold)
//     ASSERT k|d<<4 [width] body ASSERT_END; k: RE_AS_*; d: skip to after ASSERT_END
//     ASSERT_END    the body of an ASSERT matched
//     EXISTS g      [d]: continue at pc + 2 if group g matched, else at pc + d
//     MATCH         success (fullmatch and the no-empty-match rule are checked here)
//
// Positions inside the matcher are byte offsets in the subject (UTF-8 for non-ASCII str).
// The matcher never recurses in C: it keeps a backtrack stack (choice points and a trail of
// register writes) that starts on the C stack and moves to the GC heap when it grows.
#ifndef MODULES_MOD_RE_H
#define MODULES_MOD_RE_H

#include "py/obj.h"

enum {
    RE_OP_CHAR,
    RE_OP_CHAR_I,
    RE_OP_ANY,
    RE_OP_ANY_ALL,
    RE_OP_CLASS,
    RE_OP_AT,
    RE_OP_JMP,
    RE_OP_BRANCH,
    RE_OP_PREFER,
    RE_OP_SAVE,
    RE_OP_REPEAT1,
    RE_OP_LOOP_INIT,
    RE_OP_LOOP,
    RE_OP_LOOP_END,
    RE_OP_BACKREF,
    RE_OP_ASSERT,
    RE_OP_ASSERT_END,
    RE_OP_EXISTS,
    RE_OP_MATCH,
};

#define RE_WORD(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define RE_ARG(w) ((w) >> 8)
#define RE_SARG(w) ((int32_t)(w) >> 8) // signed (jump distances)

#define RE_U (1u << 21) // CHAR_I, BACKREF: Unicode case folding
#define RE_I (1u << 22) // BACKREF: ignore case
#define RE_MAXREPEAT 0xffffffffu

// CLASS argument flags and items. An item is (value << 2 | kind); a range takes two words.
#define RE_CL_NEG 1
#define RE_CL_I 2
#define RE_CL_U 4
enum { RE_IT_CHAR, RE_IT_RANGE, RE_IT_CAT };
enum { RE_CAT_DIGIT, RE_CAT_NOT_DIGIT, RE_CAT_SPACE, RE_CAT_NOT_SPACE, RE_CAT_WORD, RE_CAT_NOT_WORD };

// AT kinds (RE_U may be or-ed in for the boundaries).
enum { RE_AT_BEGIN, RE_AT_BOL, RE_AT_END_Z, RE_AT_END, RE_AT_EOL, RE_AT_BOUNDARY, RE_AT_NON_BOUNDARY };

// REPEAT1 / LOOP modes and ASSERT kinds.
enum { RE_GREEDY, RE_LAZY, RE_POSSESSIVE };
enum { RE_AS_AHEAD, RE_AS_NOT_AHEAD, RE_AS_BEHIND, RE_AS_NOT_BEHIND, RE_AS_ATOMIC };

// Flags (the values of re.I etc.).
#define RE_F_TEMPLATE 1
#define RE_F_IGNORECASE 2
#define RE_F_LOCALE 4
#define RE_F_MULTILINE 8
#define RE_F_DOTALL 16
#define RE_F_UNICODE 32
#define RE_F_VERBOSE 64
#define RE_F_DEBUG 128
#define RE_F_ASCII 256

typedef struct mod_re_prog {
    uint32_t ncode;
    uint32_t ngroups; // capturing groups, not counting group 0
    uint32_t nloops;
    int32_t first;    // a character every match starts with (-1: unknown); bytes/ASCII only
    bool anchored;    // every match starts at the beginning of the subject
    uint32_t code[];
} mod_re_prog;

/**
 * Compiles pattern text s[0..len) (UTF-8 for a str pattern, raw bytes for bytes) with flags
 * *flags (updated with the inline global flags, and RE_F_UNICODE for str patterns).
 * Returns the program; *groupindex gets a dict of group names (PY_NULL if none).
 * `pattern` is the source object, for re.error. Raises re.error, OverflowError, ValueError,
 * RecursionError (nesting) or MemoryError. Allocates.
 */
mod_re_prog *mod_re_compile(py_val pattern, const char *s, size_t len, bool is_bytes, int *flags,
                            py_val *groupindex);

// The state of one match call. regs: 2 (ngroups + 1) capture slots, then 2 per loop, then
// lastindex. The caller fills the subject fields; mod_re_exec does the rest.
typedef struct mod_re_bt {
    uint32_t k; // kind | pc << 3
    int32_t a, b;
} mod_re_bt;

#define MOD_RE_BT_SMALL 24

typedef struct mod_re_state {
    const mod_re_prog *prog;
    const uint8_t *s; // the subject
    int32_t end;      // endpos, bytes
    bool utf8;        // subject is UTF-8 text with non-ASCII characters
    bool full;        // fullmatch
    bool must_advance; // an empty match at the start position is not allowed
    int32_t start;    // where the current search began
    int32_t *regs;
    uint32_t nregs;
    mod_re_bt *bt;    // backtrack stack
    uint32_t sp, cap;
    int32_t budget;   // steps left before the next pending check
    int32_t regs_small[24];
    mod_re_bt bt_small[MOD_RE_BT_SMALL];
} mod_re_state;

/** Prepares m for prog (regs allocated on the heap when there are many). */
void mod_re_exec_init(mod_re_state *m, const mod_re_prog *prog);
/**
 * Looks for a match starting at byte offset pos (search: at pos or any later character).
 * Returns true with regs[0..] holding the byte spans (-1: group unmatched) and
 * regs[nregs - 1] the last group index (-1: none). Checks for pending exceptions
 * (KeyboardInterrupt) as it goes; raises MemoryError/RecursionError when the backtrack stack
 * cannot grow.
 */
bool mod_re_exec(mod_re_state *m, int32_t pos, bool search);

// Character helpers shared by the compiler and the matcher.
uint32_t mod_re_fold(uint32_t c, bool uni);   // case fold used by IGNORECASE
uint32_t mod_re_lower(uint32_t c, bool uni);  // simple lower case
uint32_t mod_re_upper(uint32_t c, bool uni);  // simple upper case

// re.error(msg) with the pattern and the position (character index, -1 for none).
_Noreturn void mod_re_error(py_val pattern, ptrdiff_t pos, const char *fmt, ...);

#endif // MODULES_MOD_RE_H
