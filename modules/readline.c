// modules/readline.c: the line editor (see readline.h). The history is a Python list of str
// rooted in PY_S->module_roots, so a soft reset forgets it and no static RAM is spent.
#include <stdio.h>
#include <string.h>

#include "modules/modules.h"
#include "modules/readline.h"
#include "py/runtime.h"
#include "py/state.h"

#ifndef MOD_RL_HISTORY
#define MOD_RL_HISTORY 32
#endif

static py_val history(void) { return PY_S->module_roots[MOD_ROOT_REPL]; }

void mod_readline_history_add(const char *line) {
    if (line[0] == 0) {
        return;
    }
    py_nlr nlr;
    if (py_nlr_push(&nlr) != 0) {
        return; // no memory for history: not worth an error
    }
    py_val h = history();
    if (h == PY_NULL) {
        h = PY_S->module_roots[MOD_ROOT_REPL] = py_list_new(0, NULL);
    }
    py_list *l = (py_list *)h;
    size_t n = strlen(line);
    size_t ln;
    if (l->len == 0 || strcmp(py_get_str(l->items[l->len - 1], &ln), line) != 0) {
        if (l->len >= MOD_RL_HISTORY) {
            py_memmove(l->items, l->items + 1, (l->len - 1) * sizeof(py_val));
            l->len--;
        }
        py_list_append(h, py_str_new(line, n));
    }
    py_nlr_pop();
}

// The k-th most recent history line (k >= 1), or NULL.
static const char *history_get(size_t k) {
    py_val h = history();
    if (h == PY_NULL || k > ((py_list *)h)->len) {
        return NULL;
    }
    py_list *l = (py_list *)h;
    size_t len;
    return py_get_str(l->items[l->len - k], &len);
}

static void outs(const mod_readline_io *io, const char *s) { io->write(s, strlen(s)); }

static void redraw(const mod_readline_io *io, const char *prompt, const char *buf, size_t len, size_t cur) {
    outs(io, "\r");
    outs(io, prompt);
    io->write(buf, len);
    outs(io, "\x1b[K");
    if (cur < len) {
        char seq[24];
        py_snprintf(seq, sizeof(seq), "\x1b[%uD", (unsigned)(len - cur));
        outs(io, seq);
    }
}

static int plain_readline(const mod_readline_io *io, const char *prompt, char *buf, size_t size) {
    outs(io, prompt);
    size_t n = 0;
    for (;;) {
        int c = io->getc();
        if (c < 0) {
            if (n == 0) {
                return RL_EOF;
            }
            break;
        }
        if (c == '\n') {
            break;
        }
        if (n + 1 < size) {
            buf[n++] = (char)c;
        }
    }
    buf[n] = 0;
    return (int)n;
}

static void insert(char *buf, size_t size, size_t *len, size_t *cur, char c) {
    if (*len + 1 < size) {
        memmove(buf + *cur + 1, buf + *cur, *len - *cur);
        buf[(*cur)++] = c;
        (*len)++;
    }
}

static void delete_at(char *buf, size_t *len, size_t at) {
    memmove(buf + at, buf + at + 1, *len - at - 1);
    (*len)--;
}

int mod_readline(const mod_readline_io *io, const char *prompt, char *buf, size_t size, bool editing) {
    if (!editing) {
        return plain_readline(io, prompt, buf, size);
    }
    outs(io, prompt);
    size_t len = 0, cur = 0;
    size_t hist_pos = 0; // 0: the line being edited; k: the k-th most recent entry
    char edit[128] = ""; // the line being edited, while walking the history
    int result;
    for (;;) {
        int c = io->getc();
        if (c < 0) {
            result = len ? (int)len : RL_EOF;
            break;
        }
        if (c == '\r' || c == '\n') {
            result = (int)len;
            break;
        }
        if (c == 3) { // Ctrl-C
            result = RL_INTERRUPT;
            break;
        }
        if (len == 0 && (c == 1 || c == 2 || c == 4 || c == 5)) {
            // at an empty line: raw REPL, banner, end, paste mode (MicroPython's keys)
            result = c == 1 ? RL_CTRL_A : c == 2 ? RL_CTRL_B : c == 4 ? RL_EOF : RL_CTRL_E;
            break;
        }
        if (c == 4) { // Ctrl-D on text: delete under the cursor
            if (cur < len) {
                delete_at(buf, &len, cur);
            }
        } else if (c == 1) {
            cur = 0;
        } else if (c == 5) {
            cur = len;
        } else if (c == 11) {
            len = cur;
        } else if (c == 21) {
            memmove(buf, buf + cur, len - cur);
            len -= cur;
            cur = 0;
        } else if (c == 127 || c == 8) {
            if (cur > 0) {
                delete_at(buf, &len, --cur);
                if (cur == len) {
                    outs(io, "\b \b");
                    continue;
                }
            }
        } else if (c == 27) {
            int a = io->getc();
            int b = io->getc();
            if (a != '[' && a != 'O') {
                continue;
            }
            if (b >= '0' && b <= '9') {
                (void)io->getc(); // '~'
                if (b == '3' && cur < len) {
                    delete_at(buf, &len, cur);
                } else if (b == '1' || b == '7') {
                    cur = 0;
                } else if (b == '4' || b == '8') {
                    cur = len;
                }
            } else if (b == 'C' && cur < len) {
                cur++;
            } else if (b == 'D' && cur > 0) {
                cur--;
            } else if (b == 'H') {
                cur = 0;
            } else if (b == 'F') {
                cur = len;
            } else if ((b == 'A' && history_get(hist_pos + 1)) || (b == 'B' && hist_pos > 0)) {
                if (hist_pos == 0) {
                    size_t keep = len < sizeof(edit) - 1 ? len : sizeof(edit) - 1;
                    memcpy(edit, buf, keep);
                    edit[keep] = 0;
                }
                hist_pos = b == 'A' ? hist_pos + 1 : hist_pos - 1;
                const char *src = hist_pos == 0 ? edit : history_get(hist_pos);
                len = strlen(src);
                if (len >= size) {
                    len = size - 1;
                }
                memcpy(buf, src, len);
                cur = len;
            }
        } else if (c == '\t') { // indent: four spaces (no completion)
            for (int k = 0; k < 4; k++) {
                insert(buf, size, &len, &cur, ' ');
            }
        } else if (c >= 32) {
            size_t was = len;
            insert(buf, size, &len, &cur, (char)c);
            if (cur == len && len > was) {
                io->write(buf + len - 1, 1); // typing at the end: no redraw (slow UARTs)
                continue;
            }
        }
        redraw(io, prompt, buf, len, cur);
    }
    buf[len] = 0;
    outs(io, "\r\n");
    return result;
}
