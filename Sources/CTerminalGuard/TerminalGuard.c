#include "TerminalGuard.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static volatile sig_atomic_t have_saved = 0;
static volatile sig_atomic_t screen_active = 0;

// Mouse reporting and bracketed paste off, attributes reset, cursor shown, keypad mode off, main screen back.
static const char reset_sequence[] =
    "\033[?1000l\033[?1002l\033[?1003l\033[?1006l\033[?2004l\033[0m\033[?25h\033[?1l\033>\033[?1049l";

enum { crash_signal_count = 7 };
static const int crash_signals[crash_signal_count] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGABRT, SIGSYS };
static struct sigaction previous_crash_actions[crash_signal_count];

int steppe_guard_save(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) != 0) return -1;
    have_saved = 1;
    return 0;
}

void steppe_guard_set_active(int active) { screen_active = active ? 1 : 0; }

void steppe_guard_restore(void) {
    if (!screen_active) return;
    screen_active = 0;
    if (have_saved) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    ssize_t ignored = write(STDOUT_FILENO, reset_sequence, sizeof reset_sequence - 1);
    (void)ignored;
}

static void restore_and_reraise(int signo) {
    steppe_guard_restore();
    signal(signo, SIG_DFL);
    raise(signo);
}

static void restore_and_chain(int signo, siginfo_t *info, void *context) {
    steppe_guard_restore();
    for (int i = 0; i < crash_signal_count; i++) {
        if (crash_signals[i] != signo) continue;
        struct sigaction *previous = &previous_crash_actions[i];
        if (previous->sa_flags & SA_SIGINFO) {
            if (previous->sa_sigaction) previous->sa_sigaction(signo, info, context);
        } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN && previous->sa_handler) {
            previous->sa_handler(signo);
        }
        break;
    }
    // The previous handler returned (a signal sent with kill(), not a fault): die of it all the same.
    signal(signo, SIG_DFL);
    raise(signo);
}

static void restore_at_exit(void) { steppe_guard_restore(); }

// SIGTERM, SIGHUP and SIGINT, once the main loop runs: it is asked to quit the way `Q` does (a note
// being written is saved, writes finish), and the process then dies of the signal all the same. A
// second signal, or a loop that has not finished within eight seconds, ends it at once.
static volatile sig_atomic_t wakeup_fd = -1;
static volatile sig_atomic_t pending_termination = 0;

static void ask_to_quit(int signo) {
    if (pending_termination || wakeup_fd < 0 || !screen_active) {
        restore_and_reraise(signo);
        return;
    }
    pending_termination = signo;
    char byte = 1;
    ssize_t ignored = write(wakeup_fd, &byte, 1);
    (void)ignored;
    // Longer than the store's busy timeout (5 s), so a write that cannot get the lock is reported.
    alarm(8);
}

static void on_alarm(int signo) {
    int pending = pending_termination;
    restore_and_reraise(pending ? pending : signo);
}

void steppe_guard_quit_gracefully(int fd) {
    if (wakeup_fd == fd) return;
    wakeup_fd = fd;
    static const int signals[] = { SIGTERM, SIGHUP, SIGINT };
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = ask_to_quit;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
    struct sigaction alarm_action;
    memset(&alarm_action, 0, sizeof alarm_action);
    alarm_action.sa_handler = on_alarm;
    sigemptyset(&alarm_action.sa_mask);
    sigaction(SIGALRM, &alarm_action, NULL);
}

int steppe_guard_termination(void) { return pending_termination; }

void steppe_guard_finish_termination(void) {
    int signo = pending_termination;
    if (!signo) return;
    steppe_guard_restore();
    signal(signo, SIG_DFL);
    raise(signo);
}

// Ctrl-Z: curses puts the terminal back and stops the process; its handler does not know about
// bracketed paste, so a shell would receive paste markers. Ours turns it off around curses' handler.
static struct sigaction previous_suspend_action;
static volatile sig_atomic_t was_resumed = 0;
static const char paste_off[] = "\033[?2004l";
static const char paste_on[] = "\033[?2004h";

static void suspend_around_curses(int signo) {
    ssize_t ignored = write(STDOUT_FILENO, paste_off, sizeof paste_off - 1);
    if (!(previous_suspend_action.sa_flags & SA_SIGINFO) && previous_suspend_action.sa_handler != SIG_DFL
        && previous_suspend_action.sa_handler != SIG_IGN && previous_suspend_action.sa_handler) {
        previous_suspend_action.sa_handler(signo);
    } else {
        struct sigaction mine, dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        sigaction(SIGTSTP, &dfl, &mine);
        sigset_t unblock;
        sigemptyset(&unblock);
        sigaddset(&unblock, SIGTSTP);
        sigprocmask(SIG_UNBLOCK, &unblock, NULL);
        raise(SIGTSTP);
        sigaction(SIGTSTP, &mine, NULL);
    }
    // Running again after `fg`.
    ignored = write(STDOUT_FILENO, paste_on, sizeof paste_on - 1);
    (void)ignored;
    was_resumed = 1;
}

void steppe_guard_install_suspend(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = suspend_around_curses;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTSTP, &action, &previous_suspend_action);
}

int steppe_guard_take_resumed(void) {
    int resumed = was_resumed;
    was_resumed = 0;
    return resumed;
}

void steppe_guard_install(void) {
    // Every signal whose default action ends the process, apart from the crash signals below.
    static const int quit_signals[] = {
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ,
        SIGIO, SIGPWR, SIGSTKFLT,
    };
    // A parent may have started us with these blocked (some process launchers do); a reader that
    // cannot be stopped or resized would be worse than one that ignores its parent's wishes.
    sigset_t wanted;
    sigemptyset(&wanted);
    for (size_t i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) sigaddset(&wanted, quit_signals[i]);
    sigaddset(&wanted, SIGWINCH);
    sigaddset(&wanted, SIGTSTP);
    sigaddset(&wanted, SIGCONT);
    pthread_sigmask(SIG_UNBLOCK, &wanted, NULL);
    for (size_t i = 0; i < sizeof quit_signals / sizeof quit_signals[0]; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = restore_and_reraise;
        sigemptyset(&action.sa_mask);
        sigaction(quit_signals[i], &action, NULL);
    }
    // Real-time signals end a process by default too.
    for (int signo = SIGRTMIN; signo <= SIGRTMAX; signo++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_handler = restore_and_reraise;
        sigemptyset(&action.sa_mask);
        sigaction(signo, &action, NULL);
    }
    for (int i = 0; i < crash_signal_count; i++) {
        struct sigaction action;
        memset(&action, 0, sizeof action);
        action.sa_sigaction = restore_and_chain;
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
        sigemptyset(&action.sa_mask);
        sigaction(crash_signals[i], &action, &previous_crash_actions[i]);
    }
    atexit(restore_at_exit);
}
