#ifndef STEPPE_CNCURSESW_SHIM_H
#define STEPPE_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE, which hides the wide-character API;
// NCURSES_WIDECHAR brings it back without it.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift cannot import macros, and Swift 6 rejects the curses globals as shared mutable state.
static inline WINDOW *steppe_stdscr(void) { return stdscr; }
static inline int steppe_lines(void) { return LINES; }
static inline int steppe_cols(void) { return COLS; }
static inline int steppe_colors(void) { return COLORS; }

// The colours terminfo gives a terminal type, without taking the terminal over (for `steppe themes`);
// -1 when the type is unknown. term.h is not included: its macros would clash with Swift names.
struct term;
extern int setupterm(const char *, int, int *);
extern int tigetnum(const char *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);
static inline int steppe_terminfo_colors(int fd) {
    int error = 0;
    if (setupterm(NULL, fd, &error) != OK) return -1;
    int colors = tigetnum("colors");
    del_curterm(set_curterm(NULL));
    return colors;
}
static inline int steppe_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t steppe_a_bold(void) { return A_BOLD; }
static inline attr_t steppe_a_reverse(void) { return A_REVERSE; }
static inline attr_t steppe_a_underline(void) { return A_UNDERLINE; }
static inline attr_t steppe_a_dim(void) { return A_DIM; }
static inline attr_t steppe_a_italic(void) { return A_ITALIC; }
static inline attr_t steppe_a_normal(void) { return A_NORMAL; }
static inline FILE *steppe_stdout(void) { return stdout; }
static inline FILE *steppe_stdin(void) { return stdin; }
static inline int steppe_key_resize(void) { return KEY_RESIZE; }
static inline int steppe_key_f0(void) { return KEY_F0; }
static inline int steppe_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}
static inline int steppe_key_mouse(void) { return KEY_MOUSE; }
static inline int steppe_key_code_yes(void) { return KEY_CODE_YES; }
static inline mmask_t steppe_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t steppe_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t steppe_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t steppe_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t steppe_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }

// Draws one cell: a grapheme given as wide characters, with attributes and a colour pair.
static inline int steppe_put_cell(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

#endif
