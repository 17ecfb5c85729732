#ifndef CHEATGEN_PROCESS_CONTROL_H
#define CHEATGEN_PROCESS_CONTROL_H
/* prctl is Linux's; elsewhere (macOS) the function below reports that it is not available,
   and cheatgen runs without becoming the reaper of orphans. */
#if defined(__linux__)
#include <sys/prctl.h>
#endif

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
#endif
