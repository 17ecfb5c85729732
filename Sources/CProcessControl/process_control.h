#ifndef CHEATGEN_PROCESS_CONTROL_H
#define CHEATGEN_PROCESS_CONTROL_H

/* Everything below is Linux's: prctl, namespaces (unshare, setns, mount), control groups,
   pidfd. cheatgen confines the snippets it runs with them, so elsewhere it stops here with a
   plain message instead of failing somewhere in a system header. */
#if !defined(__linux__)
#error "cheatgen builds on Linux only: it confines snippets with Linux namespaces, control groups and prctl (see the README's Install section)"
#else
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

/* unshare(2) and setns(2) by number: their declarations depend on _GNU_SOURCE. */
#ifndef CLONE_NEWNS
#define CLONE_NEWNS 0x00020000
#endif
#ifndef CLONE_NEWNET
#define CLONE_NEWNET 0x40000000
#endif
static inline int cheatgen_unshare(int flags) { return (int)syscall(SYS_unshare, flags); }
static inline int cheatgen_setns(int fd, int type) { return (int)syscall(SYS_setns, fd, type); }

/* pipe2(O_CLOEXEC) and pidfd_open(2), which Swift cannot reach (GNU-only, or only through the
   variadic syscall). */
static inline int cheatgen_pipe(int ends[2]) { return (int)syscall(SYS_pipe2, ends, O_CLOEXEC); }
static inline int cheatgen_pidfd_open(pid_t pid) {
#ifdef SYS_pidfd_open
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    errno = ENOSYS;
    return -1;
#endif
}

/* Blocks SIGPIPE on the calling thread: a write to a pipe whose reader is gone then fails with
   EPIPE instead of ending cheatgen (the signal stays pending on the thread and ends with it). */
static inline void cheatgen_block_sigpipe(void) {
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, NULL);
}

/* prctl is variadic, which Swift cannot call; this fixes its arguments.
   Makes the calling process the reaper of its orphaned descendants, so a snippet's process
   that detaches itself (setsid, double fork) is reparented to cheatgen and can be killed. */
static inline int cheatgen_become_child_subreaper(void) {
#ifdef PR_SET_CHILD_SUBREAPER
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
#else
    return -1;
#endif
}

/* ---- Namespaces snippets run in ------------------------------------------------------------
   Made once per run, on a thread of their own: the thread unshares its network and mount
   namespaces, sets them up, opens them as files and ends. The files keep the namespaces alive,
   and every snippet enters them (setns) between fork and exec, which costs next to nothing. */

struct cheatgen_namespaces {
    /* in: folders made read-only (with everything mounted below them), then folders inside
       those that stay writable (where snippets' own temporary folders are made) */
    const char *const *read_only;
    int read_only_count;
    const char *const *writable;
    int writable_count;
    /* out: open namespace files (-1 when not made), and the errno and step of a failure */
    int network;
    int mount;
    /* out: cheatgen's own root folder as the mount namespace sees it (-1 when not made):
       entering a mount namespace moves a process to the namespace's root, which for a
       cheatgen started in a chroot is the machine's real root; snippets return here. */
    int root;
    int error;
    const char *failed_step;
};

#ifndef MOUNT_ATTR_RDONLY
#define MOUNT_ATTR_RDONLY 0x00000001
#endif
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif
struct cheatgen_mount_attr { unsigned long long set, clear, propagation, userns; };

/* Sets or clears read-only on the mount at `path` (and below it when `recursive`), keeping its
   other flags. mount_setattr(2) where the kernel has it (5.12), else a bind remount. */
static inline int cheatgen_set_read_only(const char *path, int read_only, int recursive) {
#ifdef SYS_mount_setattr
    struct cheatgen_mount_attr attr = { read_only ? MOUNT_ATTR_RDONLY : 0, read_only ? 0 : MOUNT_ATTR_RDONLY, 0, 0 };
    if (syscall(SYS_mount_setattr, AT_FDCWD, path, recursive ? AT_RECURSIVE : 0, &attr, sizeof attr) == 0) return 0;
    if (errno != ENOSYS) return -1;
#endif
    struct statvfs info;
    if (statvfs(path, &info) != 0) return -1;
    unsigned long kept = info.f_flag & (MS_NOSUID | MS_NODEV | MS_NOEXEC); /* the same bits as ST_… */
    return mount(NULL, path, NULL, MS_REMOUNT | MS_BIND | kept | (read_only ? MS_RDONLY : 0), NULL);
}

static inline void *cheatgen_namespace_thread(void *argument) {
    struct cheatgen_namespaces *ns = argument;
#define CHEATGEN_FAIL(step) do { ns->error = errno; ns->failed_step = step; return NULL; } while (0)
    if (cheatgen_unshare(CLONE_NEWNET) != 0) CHEATGEN_FAIL("unshare(CLONE_NEWNET)");
    /* A new network namespace has only a loopback interface, and it is down. */
    int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (sock < 0) CHEATGEN_FAIL("socket");
    struct ifreq request;
    memset(&request, 0, sizeof request);
    strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    int up = ioctl(sock, SIOCGIFFLAGS, &request) == 0;
    request.ifr_flags |= IFF_UP | IFF_RUNNING;
    up = up && ioctl(sock, SIOCSIFFLAGS, &request) == 0;
    close(sock);
    if (!up) CHEATGEN_FAIL("bringing up loopback");
    ns->network = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    if (ns->network < 0) CHEATGEN_FAIL("open /proc/thread-self/ns/net");

    if (cheatgen_unshare(CLONE_NEWNS) != 0) CHEATGEN_FAIL("unshare(CLONE_NEWNS)");
    /* Nothing mounted here may show in cheatgen's own namespace. */
    if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) CHEATGEN_FAIL("making mounts private");
    for (int i = 0; i < ns->read_only_count; i++) {
        const char *path = ns->read_only[i];
        if (mount(path, path, NULL, MS_BIND | MS_REC, NULL) != 0) CHEATGEN_FAIL("bind mount");
        if (cheatgen_set_read_only(path, 1, 1) != 0) CHEATGEN_FAIL("read-only remount");
    }
    for (int i = 0; i < ns->writable_count; i++) {
        const char *path = ns->writable[i];
        if (mount(path, path, NULL, MS_BIND, NULL) != 0) CHEATGEN_FAIL("bind mount");
        if (cheatgen_set_read_only(path, 0, 0) != 0) CHEATGEN_FAIL("writable remount");
    }
    /* unshare(CLONE_NEWNS) moved this thread's root (a chroot's folder, or /) into the new
       namespace's copy of the mounts: that is the root snippets get. */
    ns->root = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (ns->root < 0) CHEATGEN_FAIL("open /");
    ns->mount = open("/proc/thread-self/ns/mnt", O_RDONLY | O_CLOEXEC);
    if (ns->mount < 0) CHEATGEN_FAIL("open /proc/thread-self/ns/mnt");
#undef CHEATGEN_FAIL
    return NULL;
}

/* Returns 0 when both namespaces were made; otherwise `error` and `failed_step` say why, and
   `network` may still hold a usable network namespace. */
static inline int cheatgen_make_namespaces(struct cheatgen_namespaces *ns) {
    ns->network = -1;
    ns->mount = -1;
    ns->root = -1;
    ns->error = 0;
    ns->failed_step = NULL;
    pthread_t thread;
    int started = pthread_create(&thread, NULL, cheatgen_namespace_thread, ns);
    if (started != 0) { ns->error = started; ns->failed_step = "pthread_create"; return -1; }
    pthread_join(thread, NULL);
    return ns->failed_step == NULL ? 0 : -1;
}

/* ---- Starting a confined snippet process ---------------------------------------------------
   fork, then in the child only system calls (no allocation: other threads may hold locks):
   join the cgroups, enter the namespaces, go to the folder, apply the rlimits, start a new
   session with stdin from `input_fd` (or /dev/null), and exec. A failed step is written to
   `report_fd`. */

struct cheatgen_spawn {
    const char *path;
    char *const *argv;
    char *const *envp;
    const char *directory;
    int output_fd, error_fd;       /* write ends of the pipes for stdout and stderr */
    int input_fd;                  /* read end of a pipe for stdin, or -1 for /dev/null */
    int network, mount;            /* namespace files to enter, or -1 */
    int root;                      /* with `mount`: the folder to make the root there, or -1 */
    int cgroup_procs[2];           /* open cgroup.procs files to join, or -1 */
    unsigned long long address_limit; /* soft RLIMIT_AS in bytes, 0 for none */
    int report_fd;                 /* close-on-exec pipe: step number and errno of a failure */
};

enum {
    CHEATGEN_STEP_CGROUP = 1, CHEATGEN_STEP_NETWORK, CHEATGEN_STEP_MOUNT, CHEATGEN_STEP_DIRECTORY,
    CHEATGEN_STEP_LIMIT, CHEATGEN_STEP_STREAMS, CHEATGEN_STEP_EXEC, CHEATGEN_STEP_ROOT,
};

static inline void cheatgen_spawn_fail(int report_fd, int step) {
    int report[2] = { step, errno };
    ssize_t written = write(report_fd, report, sizeof report);
    (void)written;
    _exit(127);
}

/* Returns the child's pid, or -1 with errno set when fork failed. */
static inline pid_t cheatgen_spawn_confined(const struct cheatgen_spawn *s) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    for (int signo = 1; signo < NSIG; signo++) {
        if (signo != SIGKILL && signo != SIGSTOP) signal(signo, SIG_DFL);
    }
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    for (int i = 0; i < 2; i++) {
        if (s->cgroup_procs[i] >= 0 && write(s->cgroup_procs[i], "0\n", 2) != 2) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_CGROUP);
    }
    if (s->network >= 0 && cheatgen_setns(s->network, CLONE_NEWNET) != 0) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_NETWORK);
    /* Entering a mount namespace moves the process to its root: change folder afterwards. */
    if (s->mount >= 0 && cheatgen_setns(s->mount, CLONE_NEWNS) != 0) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_MOUNT);
    /* …and to the namespace's real root, outside a chroot cheatgen runs in: go back into it. */
    if (s->mount >= 0 && s->root >= 0 && (fchdir(s->root) != 0 || chroot(".") != 0)) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_ROOT);
    if (chdir(s->directory) != 0) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_DIRECTORY);
    if (s->address_limit > 0) {
        struct rlimit limit;
        if (getrlimit(RLIMIT_AS, &limit) != 0) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_LIMIT);
        limit.rlim_cur = s->address_limit < limit.rlim_max ? s->address_limit : limit.rlim_max;
        if (setrlimit(RLIMIT_AS, &limit) != 0) cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_LIMIT);
    }
    setsid();
    int input = s->input_fd >= 0 ? s->input_fd : open("/dev/null", O_RDONLY);
    if (input < 0 || dup2(input, 0) < 0 || dup2(s->output_fd, 1) < 0 || dup2(s->error_fd, 2) < 0)
        cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_STREAMS);
    /* Nothing but the three streams crosses exec (the report pipe closes itself on exec). */
#ifdef SYS_close_range
    if (syscall(SYS_close_range, 3, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */) != 0)
#endif
    for (int fd = 3; fd < 4096; fd++) {
        if (fd != s->report_fd) close(fd);
    }
    execve(s->path, s->argv, s->envp);
    cheatgen_spawn_fail(s->report_fd, CHEATGEN_STEP_EXEC);
    return -1;
}
#endif /* __linux__ */
#endif
