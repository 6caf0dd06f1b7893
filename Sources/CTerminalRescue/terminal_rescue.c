/* A signal handler can only reach state the process holds globally, and may only make async-signal-safe calls
   (write, tcsetattr, sigaction, raise): so this is C, with its state in statics filled before the handlers go in. */
#include "terminal_rescue.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT, SIGSYS};
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])

static volatile sig_atomic_t armed;
static int rescue_fd = -1;
static struct termios shell_mode;
static char tty_path[256];
static char reset_bytes[256];
static size_t reset_length;
static struct sigaction previous[FATAL_COUNT];
static int installed[FATAL_COUNT];

static int slot_of(int sig) {
  for (size_t i = 0; i < FATAL_COUNT; i++)
    if (fatal_signals[i] == sig) return (int)i;
  return -1;
}

/* Gives the terminal back without ever blocking, for a terminal that may not be reading (Ctrl-S, a frozen SSH
   session): the tty settings first (TCSANOW does not wait for output to drain), then the output still queued
   for the terminal is dropped (a stale frame), and the reset goes through a non-blocking descriptor of its own
   (the process's descriptor shares its flags with the shell); what does not fit is skipped. */
static void restore_without_blocking(void) {
  tcsetattr(rescue_fd, TCSANOW, &shell_mode);
  tcflush(rescue_fd, TCOFLUSH);
  int fd = tty_path[0] ? open(tty_path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC) : -1;
  if (fd < 0) return;
  size_t done = 0;
  while (done < reset_length) {
    ssize_t n = write(fd, reset_bytes + done, reset_length - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  close(fd);
}

static void rescue(int sig, siginfo_t *info, void *context) {
  if (armed) {
    armed = 0;  /* once: a second fault while restoring must not loop */
    restore_without_blocking();
  }
  int slot = slot_of(sig);
  struct sigaction next;
  if (slot >= 0) {
    next = previous[slot];
  } else {
    memset(&next, 0, sizeof next);
    next.sa_handler = SIG_DFL;
  }
  sigaction(sig, &next, NULL);
  if ((next.sa_flags & SA_SIGINFO) && next.sa_sigaction) {
    next.sa_sigaction(sig, info, context);
  } else if (next.sa_handler != SIG_DFL && next.sa_handler != SIG_IGN) {
    next.sa_handler(sig);
  }
  /* Whatever that handler did, the signal was fatal: it ends the process as it would have without us (a signal
     sent with kill is not raised again by returning, unlike a fault). Blocked while this handler runs, it is
     delivered with its default action (core, exit status) on return. */
  struct sigaction fatal;
  memset(&fatal, 0, sizeof fatal);
  fatal.sa_handler = SIG_DFL;
  sigemptyset(&fatal.sa_mask);
  sigaction(sig, &fatal, NULL);
  raise(sig);
}

int fw_rescue_arm(int fd, const struct termios *shell, const char *reset, size_t length) {
  fw_rescue_disarm();
  rescue_fd = fd;
  shell_mode = *shell;
  if (ttyname_r(fd, tty_path, sizeof tty_path) != 0) tty_path[0] = 0;
  reset_length = length < sizeof reset_bytes ? length : sizeof reset_bytes - 1;
  memcpy(reset_bytes, reset, reset_length);
  armed = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = rescue;
  action.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigemptyset(&action.sa_mask);
  int result = 0;
  for (size_t i = 0; i < FATAL_COUNT; i++) {
    if (sigaction(fatal_signals[i], &action, &previous[i]) == 0) installed[i] = 1;
    else result = -1;
  }
  return result;
}

void fw_rescue_disarm(void) {
  armed = 0;
  for (size_t i = 0; i < FATAL_COUNT; i++) {
    if (!installed[i]) continue;
    sigaction(fatal_signals[i], &previous[i], NULL);
    installed[i] = 0;
  }
}

void fw_rescue_exit(int status) {
  if (armed) {
    armed = 0;
    restore_without_blocking();
  }
  _exit(status);
}
