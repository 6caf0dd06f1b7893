/* ncursesw from Swift. The wide API is switched on here, before any include (what ncursesw.pc's -D flags would
   do; Package.swift uses no pkg-config for it). Function-like and composite macros get static inline accessors. */
#ifndef FLEETWATCH_CNCURSESW_SHIM_H
#define FLEETWATCH_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

extern int wcwidth(wchar_t); /* Glibc's Swift module hides it behind __USE_XOPEN */

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline void shim_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_color_pairs(void) { return COLOR_PAIRS; }
static inline attr_t shim_a_normal(void) { return A_NORMAL; }
static inline attr_t shim_a_bold(void) { return A_BOLD; }
static inline attr_t shim_a_reverse(void) { return A_REVERSE; }
static inline attr_t shim_a_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_a_dim(void) { return A_DIM; }
static inline attr_t shim_a_italic(void) { return A_ITALIC; }
static inline attr_t shim_a_blink(void) { return A_BLINK; }
static inline int shim_key_f(int n) { return KEY_F(n); }
static inline int shim_key_mouse(void) { return KEY_MOUSE; }
/* Clicks and the wheel (buttons 4 and 5), reported at once (no click interval to wait for). */
static inline void shim_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}
/* The pending mouse event: 1 a click (button 1), 2 wheel up, 3 wheel down, 0 anything else or none. */
static inline int shim_get_mouse(int *x, int *y) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 2;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 3;
#endif
    return 0;
}
static inline const cchar_t *shim_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *shim_wacs_vline(void) { return WACS_VLINE; }
#include <langinfo.h>
static inline const char *shim_codeset(void) { return nl_langinfo(CODESET); }
/* Sets a wide cell: text (0-terminated wide string), attributes and a colour pair (extended pairs via opts). */
static inline int shim_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, 0, &pair) != OK) return ERR;
    return mvwadd_wch(w, y, x, &cell);
}
static inline void shim_force_repaint(void) { clearok(curscr, TRUE); }
/* term.h last: it defines a macro for every capability name (lines, columns, bell, ...). */
#include <ncursesw/term.h>
/* A string capability of the current terminal (after initscr), or NULL when it has none. */
static inline const char *shim_tigetstr(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}
#endif
