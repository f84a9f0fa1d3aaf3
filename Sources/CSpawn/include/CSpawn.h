// A tiny posix_spawn wrapper for the end-to-end tests' tmux harness (Tests/recdeckTests).
//
// Foundation.Process can hang forever on `tmux new-session -d` (the daemonised server inherits the
// descriptor Process watches), and a child that inherits Swift Testing's blocked signal mask gives a
// tmux server that never sees SIGCHLD or SIGWINCH. This spawns with the signal mask emptied, every
// signal at its default disposition, and every descriptor above 2 closed.
#ifndef RECDECK_CSPAWN_H
#define RECDECK_CSPAWN_H

#include <sys/types.h>

/// Starts argv[0] (looked up in PATH) with `argv` and exactly the environment `envp`.
/// Standard input is /dev/null; standard output and error go to `stdout_fd` / `stderr_fd`
/// (-1 for /dev/null). Returns the child's pid, or -errno.
pid_t cspawn_start(const char *const argv[], const char *const envp[], int stdout_fd, int stderr_fd);

/// Waits for `pid` (retrying on EINTR). With `nohang`, returns 0 while it still runs.
/// Returns the pid when it ended, with `*exit_code` its exit status or 128 + the signal that
/// killed it; -errno on error.
pid_t cspawn_wait(pid_t pid, int nohang, int *exit_code);

/// A pipe with both ends close-on-exec; `fds[0]` (read end) non-blocking. 0 or -errno.
int cspawn_pipe(int fds[2]);

#endif
