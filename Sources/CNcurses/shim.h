// The only C recdeck needs: ncursesw's wide-character API plus terminfo, and small accessors for
// the globals and macros Swift cannot see (Swift 6 refuses C globals; function-like macros are not
// imported). Only RecDeckTerminal imports this module.
//
// Editing this header does not make SwiftPM rebuild importers: touch a Swift file in RecDeckTerminal.
#ifndef RECDECK_CNCURSES_SHIM_H
#define RECDECK_CNCURSES_SHIM_H

// Must come before <ncurses.h>: without them get_wch, wint_t, cchar_t and the *wstr calls are hidden.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>
#include <sys/ioctl.h>
// <term.h> defines these as macros over the current terminal; they clash with ordinary names.
#undef lines
#undef columns

// MARK: C library

// Glibc declares wcwidth only under _XOPEN_SOURCE, which Swift's Glibc module does not define.
extern int wcwidth(wchar_t c);

/// Cells `c` takes in the current locale; -1 when it is not printable.
static inline int recdeck_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

// MARK: globals

static inline WINDOW *recdeck_stdscr(void) { return stdscr; }
static inline FILE *recdeck_stdout(void) { return stdout; }
static inline FILE *recdeck_stdin(void) { return stdin; }
static inline int recdeck_fflush_stdout(void) { return fflush(stdout); }
static inline int recdeck_colors(void) { return COLORS; }
static inline int recdeck_color_pairs(void) { return COLOR_PAIRS; }
static inline int recdeck_lines(void) { return LINES; }
static inline int recdeck_cols(void) { return COLS; }

// MARK: attributes (macros)

static inline attr_t recdeck_a_normal(void) { return A_NORMAL; }
static inline attr_t recdeck_a_bold(void) { return A_BOLD; }
static inline attr_t recdeck_a_dim(void) { return A_DIM; }
static inline attr_t recdeck_a_italic(void) { return A_ITALIC; }
static inline attr_t recdeck_a_underline(void) { return A_UNDERLINE; }
static inline attr_t recdeck_a_reverse(void) { return A_REVERSE; }

// MARK: keys and mouse (macros)

static inline int recdeck_key_f(int n) { return KEY_F(n); }
static inline mmask_t recdeck_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t recdeck_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t recdeck_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t recdeck_button5_pressed(void) { return BUTTON5_PRESSED; }

// MARK: terminfo

/// The terminfo string capability `name` of the current terminal, or NULL when it is absent
/// (tigetstr's (char *)-1 "not a string capability" is folded into NULL).
static inline const char *recdeck_string_capability(const char *name) {
    char *value = tigetstr(name);
    if (value == NULL || value == (char *)-1) return NULL;
    return value;
}

/// The current terminal's terminfo `colors` (usable before start_color, unlike COLORS); 0 if absent.
static inline int recdeck_terminfo_colors(void) {
    int colors = tigetnum("colors");
    return colors > 0 ? colors : 0;
}

/// Whether the current terminal has the boolean capability `name` (e.g. "RGB" for direct colour).
static inline int recdeck_flag_capability(const char *name) {
    return tigetflag(name) > 0;
}

/// Loads terminfo for $TERM on `fd` without starting curses. Returns 1 on success, else 0 with
/// `*error` set as setupterm documents (1 hardcopy, 0 unknown terminal, -1 no terminfo database).
/// The loaded terminal is freed again: this is only the start-up check.
static inline int recdeck_check_terminfo(int fd, int *error, int *has_cursor_address) {
    *has_cursor_address = 0;
    if (setupterm(NULL, fd, error) != OK) return 0;
    *has_cursor_address = recdeck_string_capability("cup") != NULL;
    TERMINAL *loaded = cur_term;
    set_curterm(NULL);
    del_curterm(loaded);
    return 1;
}

// MARK: window size

/// The kernel's idea of the window size of the terminal on `fd`; 1 on success.
static inline int recdeck_window_size(int fd, int *rows, int *cols) {
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_row == 0 || size.ws_col == 0) return 0;
    *rows = size.ws_row;
    *cols = size.ws_col;
    return 1;
}

#endif
