#ifndef STEPPE_TERMINAL_GUARD_H
#define STEPPE_TERMINAL_GUARD_H

/// Saves the terminal's current settings. Call before curses starts.
int steppe_guard_save(void);

/// Installs handlers that put the terminal back before the process dies:
/// SIGINT, SIGTERM, SIGHUP, SIGQUIT and every other signal that ends a process by default restore and
/// then die with the same signal;
/// crash signals (SIGABRT included) restore and then chain to the handler installed before (the Swift backtracer).
/// An atexit hook restores too, for paths that call exit() while curses owns the screen.
void steppe_guard_install(void);

/// Marks the screen as owned (1) or released (0); restores run only while it is owned.
void steppe_guard_set_active(int active);

/// Restores the saved settings and leaves the alternate screen. Async-signal-safe.
void steppe_guard_restore(void);

/// Wraps the SIGTSTP handler curses installed (call after curses starts): bracketed paste is turned
/// off while the process is stopped and back on when it continues.
void steppe_guard_install_suspend(void);

/// 1 once after the process continued from a stop (Ctrl-Z, then `fg`), else 0.
int steppe_guard_take_resumed(void);

/// From now on SIGTERM, SIGHUP and SIGINT ask the main loop to quit, by a byte written to `fd` (its
/// wake-up pipe), instead of ending the process at once; a second such signal, or eight seconds
/// without the loop finishing, ends it the hard way.
void steppe_guard_quit_gracefully(int fd);

/// The signal that asked to quit, or 0.
int steppe_guard_termination(void);

/// If a signal asked to quit: restores the terminal and dies of that signal. Call once the loop is done.
void steppe_guard_finish_termination(void);

#endif
