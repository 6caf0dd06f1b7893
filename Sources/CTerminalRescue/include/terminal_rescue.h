/* Gives the terminal back when the process dies of a fatal signal while the dashboard owns it. */
#ifndef FLEETWATCH_TERMINAL_RESCUE_H
#define FLEETWATCH_TERMINAL_RESCUE_H
#include <stddef.h>
#include <termios.h>

/* Until fw_rescue_disarm: on SIGSEGV, SIGBUS, SIGILL (Swift's traps), SIGTRAP, SIGFPE, SIGABRT or SIGSYS, writes
   `reset` (the terminal's own sequences: leave the alternate screen, show the cursor, plain attributes) to `fd`,
   puts back the tty settings `shell` (without blocking: see fw_rescue_exit), then hands the signal on to the handler it found (Swift's backtracer, say)
   or lets it kill the process as it would have. `reset` is copied (at most 255 bytes kept). Returns 0, or -1 when
   a handler could not be installed (those already installed stay until fw_rescue_disarm). */
int fw_rescue_arm(int fd, const struct termios *shell, const char *reset, size_t length);

/* Puts back the handlers fw_rescue_arm found. */
void fw_rescue_disarm(void);

/* Ends the process now with `status` (_exit: no atexit handlers, no stdio flush), first giving the terminal back
   as the crash handler does if still armed (curses has not restored it yet). Never blocks on a terminal that is
   not reading: the settings are put back, queued output is dropped and the reset is skipped if it does not fit.
   For a termination signal whose orderly shutdown did not finish in time (output to the terminal blocked). */
void fw_rescue_exit(int status);

#endif
