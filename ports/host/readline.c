// ports/host/readline.c: line editing for the REPL. Raw terminal mode only while a line is
// being read (so Ctrl-C during running code still raises KeyboardInterrupt via SIGINT).
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ports/host/readline.h"

#define HISTORY 64

static char history[HISTORY][256];
static int hist_len, hist_head; // ring buffer

void rl_history_add(const char *line) {
    if (line[0] == 0) {
        return;
    }
    int last = (hist_head + HISTORY - 1) % HISTORY;
    if (hist_len > 0 && strcmp(history[last], line) == 0) {
        return;
    }
    snprintf(history[hist_head], sizeof(history[0]), "%s", line);
    hist_head = (hist_head + 1) % HISTORY;
    if (hist_len < HISTORY) {
        hist_len++;
    }
}

static void out(const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(1, s, n);
        if (w <= 0) {
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}
static void outs(const char *s) { out(s, strlen(s)); }

static void redraw(const char *prompt, const char *buf, size_t len, size_t cur) {
    outs("\r");
    outs(prompt);
    out(buf, len);
    outs("\x1b[K");
    if (cur < len) {
        char seq[24];
        snprintf(seq, sizeof(seq), "\x1b[%zuD", len - cur);
        outs(seq);
    }
}

static int (*read_byte)(void);

static int plain_readline(const char *prompt, char *buf, size_t size) {
    if (prompt[0]) {
        outs(prompt);
    }
    size_t n = 0;
    for (;;) {
        int c = read_byte();
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

int rl_readline(const char *prompt, char *buf, size_t size, int (*getc)(void), bool editing) {
    read_byte = getc;
    if (!editing) {
        return plain_readline(prompt, buf, size);
    }
    outs(prompt);
    size_t len = 0, cur = 0;
    int hist_pos = 0; // 0 = the line being edited; k = k-th most recent entry
    char edit[256] = "";
    int result;
    for (;;) {
        int c = read_byte();
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
        if (c == 4) { // Ctrl-D: EOF at an empty line, else delete
            if (len == 0) {
                result = RL_EOF;
                break;
            }
            if (cur < len) {
                memmove(buf + cur, buf + cur + 1, len - cur - 1);
                len--;
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
                memmove(buf + cur - 1, buf + cur, len - cur);
                cur--;
                len--;
            }
        } else if (c == 27) {
            int a = read_byte();
            int b = read_byte();
            if (a != '[' && a != 'O') {
                continue;
            }
            if (b >= '0' && b <= '9') {
                int t = read_byte(); // '~'
                (void)t;
                if (b == '3' && cur < len) {
                    memmove(buf + cur, buf + cur + 1, len - cur - 1);
                    len--;
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
            } else if ((b == 'A' && hist_pos < hist_len) || (b == 'B' && hist_pos > 0)) {
                if (hist_pos == 0) {
                    memcpy(edit, buf, len < sizeof(edit) - 1 ? len : sizeof(edit) - 1);
                    edit[len < sizeof(edit) - 1 ? len : sizeof(edit) - 1] = 0;
                }
                hist_pos += b == 'A' ? 1 : -1;
                const char *src = hist_pos == 0 ? edit : history[(hist_head + HISTORY - hist_pos) % HISTORY];
                len = strlen(src);
                if (len >= size) {
                    len = size - 1;
                }
                memcpy(buf, src, len);
                cur = len;
            }
        } else if (c == '\t') {
            // indent: four spaces (no completion)
            for (int k = 0; k < 4 && len + 1 < size; k++) {
                memmove(buf + cur + 1, buf + cur, len - cur);
                buf[cur++] = ' ';
                len++;
            }
        } else if (c >= 32 || c >= 0x80) {
            if (len + 1 < size) {
                memmove(buf + cur + 1, buf + cur, len - cur);
                buf[cur++] = (char)c;
                len++;
            }
        }
        redraw(prompt, buf, len, cur);
    }
    buf[len] = 0;
    outs("\r\n");
    if (result == RL_INTERRUPT) {
        outs("KeyboardInterrupt\r\n");
    }
    return result;
}
