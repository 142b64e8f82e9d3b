// modules/mod_re_match.c: the backtracking matcher for programs of modules/mod_re.h.
// One loop with the program counter and position in locals; choice points and a trail of
// register writes (captures, loop counters, lastindex) go on an explicit backtrack stack, so
// failing restores every register exactly and nothing recurses in C. The stack starts inside
// the caller's mod_re_exec and moves to the GC heap when it grows (MemoryError when the heap
// is full, RecursionError past RE_BT_MAX entries). Every POLL_STEPS steps the matcher charges
// the VM's bytecode budget and looks at PY_S->pending, so a runaway match is interruptible
// (KeyboardInterrupt) and other threads get the interpreter lock as they would from bytecode.
#include <string.h>

#include "modules/mod_re.h"
#include "py/runtime.h"
#include "py/state.h"
#include "py/unicode.h"

#define POLL_STEPS 64
#define RE_BT_MAX (1u << 24) // backtrack entries (12 bytes each)

// Backtrack entry kinds (low 4 bits of k; a program counter or register number above).
// Choice points resume matching; the others only restore registers when popped.
enum {
    B_SAVE,     // capture slot k >> 4 := a, lastindex := b
    B_LOOPREG,  // loop of the LOOP at k >> 4: last position := a, count := b
    B_CHOICE,   // (kinds from here on are choice points)
    B_ALT = B_CHOICE, // resume at pc k >> 4 with position a
    B_LOOP,     // as B_LOOPREG, then leave the loop at the position the iteration began
    B_REP,      // REPEAT1 at k >> 4 (greedy): position a after b characters; give one back
    B_REPLAZY,  // REPEAT1 at k >> 4 (lazy): position a after b characters; take one more
    B_LOOPLAZY, // lazy LOOP at k >> 4: the rest failed at position a; iterate once more
    B_ASSERT,   // ASSERT at k >> 4 entered at position a; b: the enclosing ASSERT entry
};

void mod_re_exec_init(mod_re_state *m, const mod_re_prog *prog) {
    m->prog = prog;
    m->nregs = 2 * (prog->ngroups + 1) + 2 * prog->nloops + 1;
    m->regs = m->nregs <= sizeof(m->regs_small) / sizeof(m->regs_small[0])
                  ? m->regs_small
                  : py_gc_alloc(m->nregs * sizeof(int32_t), PY_GC_LEAF);
    m->bt = m->bt_small;
    m->cap = MOD_RE_BT_SMALL;
    m->sp = 0;
    m->budget = POLL_STEPS;
}

static void poll(mod_re_state *m) {
    m->budget = POLL_STEPS;
#if PY_CFG_VM_BUDGET
    if (py_budget_spend(PY_S)) {
        py_vm_budget_expired();
        return;
    }
#endif
    if (PY_S->pending) {
        py_vm_handle_pending();
    }
}

static void grow(mod_re_state *m) {
    if (m->cap >= RE_BT_MAX) {
        py_raise_msg(&py_type_RecursionError, "maximum recursion limit exceeded");
    }
    uint32_t cap = m->cap * 2;
    if (m->bt == m->bt_small) {
        mod_re_bt *n = py_gc_alloc(cap * sizeof(mod_re_bt), PY_GC_LEAF);
        memcpy(n, m->bt, m->sp * sizeof(mod_re_bt));
        m->bt = n;
    } else {
        m->bt = py_gc_realloc(m->bt, cap * sizeof(mod_re_bt));
    }
    m->cap = cap;
}

static inline void push(mod_re_state *m, uint32_t kind, uint32_t pc, int32_t a, int32_t b) {
    if (m->sp == m->cap) {
        grow(m);
    }
    mod_re_bt *e = &m->bt[m->sp++];
    e->k = kind | pc << 4;
    e->a = a;
    e->b = b;
}

// Undoes the register writes an entry records (entries of the other kinds record none).
static void undo(mod_re_state *m, const mod_re_bt *e, uint32_t ncap) {
    uint32_t kind = e->k & 15, x = e->k >> 4;
    if (kind == B_SAVE) {
        m->regs[x] = e->a;
        m->regs[m->nregs - 1] = e->b;
    } else if (kind == B_LOOPREG || kind == B_LOOP) {
        uint32_t r = ncap + 2 * (RE_ARG(m->prog->code[x]) & 0xffff);
        m->regs[r + 1] = e->a;
        m->regs[r] = e->b;
    }
}

// ---- characters --------------------------------------------------------------------------------
static inline uint32_t fwd(const mod_re_state *m, int32_t *pos) {
    uint32_t b = m->s[*pos];
    if (b < 0x80 || !m->utf8) {
        (*pos)++;
        return b;
    }
    const char *p = (const char *)m->s + *pos;
    b = py_utf8_decode(&p);
    *pos = (int32_t)(p - (const char *)m->s);
    return b;
}

static inline int32_t back1(const mod_re_state *m, int32_t pos) {
    pos--;
    if (m->utf8) {
        while (pos > 0 && (m->s[pos] & 0xc0) == 0x80) {
            pos--;
        }
    }
    return pos;
}

static bool is_word(uint32_t ch, bool uni) {
    if (ch < 0x80 || !uni) {
        return ch < 0x80 && (ch == '_' || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'));
    }
    return (py_unicode_flags(ch) & (PY_UC_ALPHA | PY_UC_DECIMAL | PY_UC_DIGIT | PY_UC_NUMERIC)) != 0;
}

static bool cat_ok(uint32_t cat, uint32_t ch, bool uni) {
    bool r;
    switch (cat >> 1) {
    case RE_CAT_DIGIT >> 1:
        r = uni ? (py_unicode_flags(ch) & PY_UC_DECIMAL) != 0 : ch >= '0' && ch <= '9';
        break;
    case RE_CAT_SPACE >> 1:
        r = uni ? py_unicode_isspace(ch) : ch == ' ' || (ch >= '\t' && ch <= '\r');
        break;
    default: r = is_word(ch, uni); break;
    }
    return r != (cat & 1);
}

// Characters equal ignoring case to the fold L that neither upper(L) nor title(L) reach
// (pairs of L and such a character; derived from the Unicode 14 case mappings).
static const uint16_t others[][2] = {
    {0x69, 0x130},    {0x69, 0x131},    {0x6b, 0x212a},   {0x73, 0x17f},    {0xdf, 0x1e9e},
    {0xe5, 0x212b},   {0x390, 0x1fd3},  {0x3b0, 0x1fe3},  {0x3b2, 0x3d0},   {0x3b5, 0x3f5},
    {0x3b8, 0x3d1},   {0x3b8, 0x3f4},   {0x3b9, 0x345},   {0x3b9, 0x1fbe},  {0x3ba, 0x3f0},
    {0x3bc, 0xb5},    {0x3c0, 0x3d6},   {0x3c1, 0x3f1},   {0x3c3, 0x3c2},   {0x3c6, 0x3d5},
    {0x3c9, 0x2126},  {0x432, 0x1c80},  {0x434, 0x1c81},  {0x43e, 0x1c82},  {0x441, 0x1c83},
    {0x442, 0x1c84},  {0x442, 0x1c85},  {0x44a, 0x1c86},  {0x463, 0x1c87},  {0x1e61, 0x1e9b},
    {0xa64b, 0x1c88}, {0xfb06, 0xfb05},
};

// Is some character of [a, b] equal to a character whose fold is L, ignoring case? (CPython
// lowers every character of a set when it compiles it: the same relation.)
static bool range_icase(uint32_t a, uint32_t b, uint32_t L, bool uni) {
    uint32_t cand[8], n = 0, out[3];
    cand[n++] = L;
    cand[n++] = mod_re_upper(L, uni);
    if (uni) {
        py_unicode_case_map(L, PY_UC_MAP_TITLE, out);
        cand[n++] = out[0];
        for (size_t i = 0; i < sizeof(others) / sizeof(others[0]) && n < 8; i++) {
            if (others[i][0] == L) {
                cand[n++] = others[i][1];
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        if (cand[i] >= a && cand[i] <= b && mod_re_fold(cand[i], uni) == L) {
            return true;
        }
    }
    return false;
}

static bool in_class(const uint32_t *it, uint32_t n, uint32_t ch, uint32_t fl) {
    bool uni = (fl & RE_CL_U) != 0, icase = (fl & RE_CL_I) != 0;
    uint32_t fo = icase ? mod_re_fold(ch, uni) : ch; // single characters were folded by the compiler
    for (uint32_t i = 0; i < n; i++) {
        uint32_t w = it[i], v = w >> 2;
        switch (w & 3) {
        case RE_IT_CHAR:
            if (fo == v) {
                return true;
            }
            break;
        case RE_IT_RANGE: {
            uint32_t hi = it[++i];
            if ((ch >= v && ch <= hi) || (icase && range_icase(v, hi, fo, uni))) {
                return true;
            }
            break;
        }
        default:
            if (cat_ok(v, ch, uni)) {
                return true;
            }
            break;
        }
    }
    return false;
}

// Does the single-character instruction at p accept ch?
static bool item_ok(const uint32_t *p, uint32_t ch) {
    uint32_t w = *p, arg = RE_ARG(w);
    switch (w & 0xff) {
    case RE_OP_CHAR: return ch == arg;
    case RE_OP_CHAR_I: return mod_re_fold(ch, (arg & RE_U) != 0) == (arg & ~RE_U);
    case RE_OP_ANY: return ch != '\n';
    case RE_OP_ANY_ALL: return true;
    default: return in_class(p + 1, arg >> 3, ch, arg & 7) != (arg & RE_CL_NEG);
    }
}

static uint32_t item_len(uint32_t w) { return (w & 0xff) == RE_OP_CLASS ? 1 + (RE_ARG(w) >> 3) : 1; }

static bool at_ok(const mod_re_state *m, uint32_t kind, int32_t pos) {
    const uint8_t *s = m->s;
    switch (kind & 0xf) {
    case RE_AT_BEGIN: return pos == 0;
    case RE_AT_BOL: return pos == 0 || s[pos - 1] == '\n';
    case RE_AT_END_Z: return pos == m->end;
    case RE_AT_END: return pos == m->end || (pos == m->end - 1 && s[pos] == '\n');
    case RE_AT_EOL: return pos == m->end || s[pos] == '\n';
    default: {
        if (m->end == 0) {
            return false;
        }
        bool uni = (kind & RE_U) != 0;
        int32_t p = pos;
        bool after = pos < m->end && is_word(fwd(m, &p), uni);
        p = pos > 0 ? back1(m, pos) : 0;
        bool before = pos > 0 && is_word(fwd(m, &p), uni);
        return (before != after) == ((kind & 0xf) == RE_AT_BOUNDARY);
    }
    }
}

// The text of group g at pos; returns the position after it, or -1.
static int32_t backref(const mod_re_state *m, uint32_t arg, int32_t pos) {
    uint32_t g = arg & 0xfffff;
    int32_t gs = m->regs[2 * g], ge = m->regs[2 * g + 1];
    if (gs < 0 || ge < gs) {
        return -1;
    }
    if (!(arg & RE_I)) {
        if (ge - gs > m->end - pos || memcmp(m->s + gs, m->s + pos, (size_t)(ge - gs)) != 0) {
            return -1;
        }
        return pos + (ge - gs);
    }
    bool uni = (arg & RE_U) != 0;
    while (gs < ge) {
        if (pos >= m->end || mod_re_fold(fwd(m, &gs), uni) != mod_re_fold(fwd(m, &pos), uni)) {
            return -1;
        }
    }
    return pos;
}

// ---- the matcher ---------------------------------------------------------------------------------
static bool run(mod_re_state *m, int32_t pos) {
    const uint32_t *code = m->prog->code;
    uint32_t ncap = 2 * (m->prog->ngroups + 1);
    uint32_t last_reg = m->nregs - 1;
    for (uint32_t i = 0; i < ncap; i++) {
        m->regs[i] = -1;
    }
    m->regs[last_reg] = -1;
    m->regs[0] = pos;
    m->sp = 0;
    uint32_t pc = 0;
    uint32_t assert_top = UINT32_MAX; // index of the innermost open ASSERT entry
    for (;;) {
        if (--m->budget <= 0) {
            poll(m);
        }
        uint32_t w = code[pc], arg = RE_ARG(w);
        switch (w & 0xff) {
        case RE_OP_CHAR:
        case RE_OP_CHAR_I:
        case RE_OP_ANY:
        case RE_OP_ANY_ALL:
        case RE_OP_CLASS: {
            if (pos >= m->end) {
                goto fail;
            }
            int32_t p = pos;
            if (!item_ok(code + pc, fwd(m, &p))) {
                goto fail;
            }
            pos = p;
            pc += item_len(w);
            continue;
        }
        case RE_OP_AT:
            if (!at_ok(m, arg, pos)) {
                goto fail;
            }
            pc++;
            continue;
        case RE_OP_JMP:
        case RE_OP_LOOP_END:
            pc += (uint32_t)RE_SARG(w);
            continue;
        case RE_OP_BRANCH:
            push(m, B_ALT, pc + arg, pos, 0);
            pc++;
            continue;
        case RE_OP_PREFER:
            push(m, B_ALT, pc + 1, pos, 0);
            pc += arg;
            continue;
        case RE_OP_SAVE:
            push(m, B_SAVE, arg, m->regs[arg], m->regs[last_reg]);
            m->regs[arg] = pos;
            if (arg & 1) {
                m->regs[last_reg] = (int32_t)(arg >> 1);
            }
            pc++;
            continue;
        case RE_OP_REPEAT1: {
            uint32_t min = code[pc + 1], max = code[pc + 2];
            const uint32_t *item = code + pc + 3;
            uint32_t count = 0;
            int32_t p = pos;
            uint32_t limit = arg == RE_LAZY ? min : max;
            while (count < limit && p < m->end) {
                int32_t q = p;
                if (!item_ok(item, fwd(m, &q))) {
                    break;
                }
                p = q;
                count++;
            }
            m->budget -= (int32_t)(count >> 4);
            if (count < min) {
                goto fail;
            }
            if (arg == RE_GREEDY && count > min) {
                push(m, B_REP, pc, p, (int32_t)count);
            } else if (arg == RE_LAZY && count < max) {
                push(m, B_REPLAZY, pc, p, (int32_t)count);
            }
            pos = p;
            pc += 3 + item_len(*item);
            continue;
        }
        case RE_OP_LOOP_INIT: {
            uint32_t r = ncap + 2 * arg;
            push(m, B_LOOPREG, pc + 1, m->regs[r + 1], m->regs[r]);
            m->regs[r] = 0;
            m->regs[r + 1] = -1;
            pc++;
            continue;
        }
        case RE_OP_LOOP: {
            uint32_t r = ncap + 2 * (arg & 0xffff);
            int32_t count = m->regs[r];
            uint32_t min = code[pc + 1], max = code[pc + 2];
            uint32_t exit = pc + code[pc + 3];
            if ((uint32_t)count < min) {
                push(m, B_LOOPREG, pc, m->regs[r + 1], count);
                m->regs[r] = count + 1;
                pc += 4;
                continue;
            }
            bool more = (uint32_t)count < max && pos != m->regs[r + 1];
            if (arg >> 16) { // lazy: the rest first, another iteration on failure
                if (more) {
                    push(m, B_LOOPLAZY, pc, pos, 0);
                }
                pc = exit;
            } else if (more) {
                push(m, B_LOOP, pc, m->regs[r + 1], count);
                m->regs[r + 1] = pos;
                m->regs[r] = count + 1;
                pc += 4;
            } else {
                pc = exit;
            }
            continue;
        }
        case RE_OP_BACKREF: {
            int32_t p = backref(m, arg, pos);
            if (p < 0) {
                goto fail;
            }
            pos = p;
            pc++;
            continue;
        }
        case RE_OP_ASSERT: {
            push(m, B_ASSERT, pc, pos, (int32_t)assert_top);
            assert_top = m->sp - 1;
            uint32_t kind = arg & 0xf;
            if (kind == RE_AS_BEHIND || kind == RE_AS_NOT_BEHIND) {
                for (uint32_t n = code[pc + 1]; n > 0; n--) {
                    if (pos == 0) {
                        goto fail;
                    }
                    pos = back1(m, pos);
                }
            }
            pc += 2;
            continue;
        }
        case RE_OP_ASSERT_END: {
            mod_re_bt mk = m->bt[assert_top];
            uint32_t apc = mk.k >> 4, kind = RE_ARG(code[apc]) & 0xf;
            if (kind == RE_AS_NOT_AHEAD || kind == RE_AS_NOT_BEHIND) {
                // the body matched, so the assertion fails: undo the body, then fail
                while (m->sp > assert_top + 1) {
                    undo(m, &m->bt[--m->sp], ncap);
                }
                m->sp--;
                assert_top = (uint32_t)mk.b;
                goto fail;
            }
            // keep the register trail of the body, drop its choice points and the marker
            uint32_t d = assert_top;
            for (uint32_t i = assert_top + 1; i < m->sp; i++) {
                mod_re_bt e = m->bt[i];
                if ((e.k & 15) == B_LOOP) {
                    e.k = (e.k & ~15u) | B_LOOPREG;
                }
                if ((e.k & 15) < B_CHOICE) {
                    m->bt[d++] = e;
                }
            }
            m->sp = d;
            assert_top = (uint32_t)mk.b;
            if (kind != RE_AS_ATOMIC) {
                pos = mk.a;
            }
            pc = apc + (RE_ARG(code[apc]) >> 4);
            continue;
        }
        case RE_OP_EXISTS:
            pc += m->regs[2 * arg + 1] >= 0 && m->regs[2 * arg] >= 0 ? 2 : code[pc + 1];
            continue;
        default: // RE_OP_MATCH
            if ((m->full && pos != m->end) || (m->must_advance && pos == m->start)) {
                goto fail;
            }
            m->regs[1] = pos;
            return true;
        }
    fail:
        for (;;) {
            if (m->sp == 0) {
                return false;
            }
            mod_re_bt e = m->bt[--m->sp];
            uint32_t epc = e.k >> 4;
            if ((e.k & 15) == B_LOOP) { // the iteration's start is in the register undo restores
                pos = m->regs[ncap + 2 * (RE_ARG(code[epc]) & 0xffff) + 1];
            }
            undo(m, &e, ncap);
            switch (e.k & 15) {
            case B_SAVE:
            case B_LOOPREG:
                continue;
            case B_LOOP: // no more iterations: the rest of the pattern from where this one began
                pc = epc + code[epc + 3];
                break;
            case B_ALT:
                pc = epc;
                pos = e.a;
                break;
            case B_REP: { // give back one character
                uint32_t count = (uint32_t)e.b - 1;
                pos = back1(m, e.a);
                if (count > code[epc + 1]) {
                    push(m, B_REP, epc, pos, (int32_t)count);
                }
                pc = epc + 3 + item_len(code[epc + 3]);
                break;
            }
            case B_REPLAZY: { // take one more character
                int32_t p = e.a;
                if (p >= m->end || !item_ok(code + epc + 3, fwd(m, &p))) {
                    continue;
                }
                uint32_t count = (uint32_t)e.b + 1;
                if (count < code[epc + 2]) {
                    push(m, B_REPLAZY, epc, p, (int32_t)count);
                }
                pos = p;
                pc = epc + 3 + item_len(code[epc + 3]);
                break;
            }
            case B_LOOPLAZY: { // the rest failed: one more iteration
                uint32_t r = ncap + 2 * (RE_ARG(code[epc]) & 0xffff);
                pos = e.a;
                push(m, B_LOOPREG, epc, m->regs[r + 1], m->regs[r]);
                m->regs[r + 1] = pos;
                m->regs[r]++;
                pc = epc + 4;
                break;
            }
            default: { // B_ASSERT: the body failed
                assert_top = (uint32_t)e.b;
                uint32_t kind = RE_ARG(code[epc]) & 0xf;
                if (kind != RE_AS_NOT_AHEAD && kind != RE_AS_NOT_BEHIND) {
                    continue;
                }
                pos = e.a;
                pc = epc + (RE_ARG(code[epc]) >> 4);
                break;
            }
            }
            break;
        }
    }
}

bool mod_re_exec(mod_re_state *m, int32_t pos, bool search) {
    const mod_re_prog *prog = m->prog;
    m->start = pos;
    if (!search) {
        return run(m, pos);
    }
    if (prog->anchored) {
        return pos == 0 && run(m, pos);
    }
    for (;;) {
        if (prog->first >= 0 && !m->utf8) {
            const uint8_t *f = pos < m->end ? memchr(m->s + pos, prog->first, (size_t)(m->end - pos)) : NULL;
            if (f == NULL) {
                return false;
            }
            pos = (int32_t)(f - m->s);
        }
        if (run(m, pos)) {
            return true;
        }
        if (pos >= m->end) {
            return false;
        }
        fwd(m, &pos);
    }
}
