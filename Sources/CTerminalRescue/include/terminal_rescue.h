/* Gives the terminal back when the process dies of a fatal signal while the dashboard owns it. */
#ifndef FLEETWATCH_TERMINAL_RESCUE_H
#define FLEETWATCH_TERMINAL_RESCUE_H
#include <stddef.h>
#include <termios.h>

/* Until fw_rescue_disarm: on SIGSEGV, SIGBUS, SIGILL (Swift's traps), SIGTRAP, SIGFPE, SIGABRT or SIGSYS, writes
   `reset` (the terminal's own sequences: leave the alternate screen, show the cursor, plain attributes) to `fd`,
   puts back the tty settings `shell`, then hands the signal on to the handler it found (Swift's backtracer, say)
   or lets it kill the process as it would have. `reset` is copied (at most 255 bytes kept). Returns 0, or -1 when
   a handler could not be installed (those already installed stay until fw_rescue_disarm). */
int fw_rescue_arm(int fd, const struct termios *shell, const char *reset, size_t length);

/* Puts back the handlers fw_rescue_arm found. */
void fw_rescue_disarm(void);

#endif
