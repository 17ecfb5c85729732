"""Running and timing commands: wall and CPU time, peak RSS, an RSS timeline, and waiting for
(and measuring) other processes' use of the CPUs, so a busy machine does not skew a figure."""
import concurrent.futures as futures
import os
import subprocess
import sys
import threading
import time

from .common import config, log


def rss_timeline(pid, started, samples, done):
    """Samples the child's resident memory (MiB) and CPU seconds used so far, every 0.25 s."""
    tick = os.sysconf("SC_CLK_TCK")
    while not done.wait(0.25):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / tick   # utime, stime
            with open(f"/proc/{pid}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        samples.append((time.perf_counter() - started, int(line.split()[1]) / 1024, cpu))
        except (OSError, IndexError, ValueError):
            return


def timed(argv, cwd, check=True, env=None, stdin=subprocess.DEVNULL, timeline=None):
    """Runs argv; returns (seconds, returncode, stdout, stderr, peak RSS of that child in KiB).
    With a list as `timeline`, appends (seconds, RSS MiB) samples of the child to it."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=stdin, env=env)
    # Read both pipes without deadlocking, then reap with wait4 for the child's own rusage.
    with futures.ThreadPoolExecutor(3) as pool:
        done = threading.Event()
        if timeline is not None:
            pool.submit(rss_timeline, process.pid, started, timeline, done)
        out = pool.submit(process.stdout.read)
        err = pool.submit(process.stderr.read)
        stdout, stderr = out.result(), err.result()
        done.set()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    timed.last_cpu = usage.ru_utime + usage.ru_stime   # that child's (and its reaped children's) CPU seconds
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = stdout.decode(errors="replace"), stderr.decode(errors="replace")
    if check and process.returncode != 0:
        sys.stderr.write(f"command failed ({process.returncode}): {' '.join(argv)}\n--- stdout\n{stdout[-4000:]}\n--- stderr\n{stderr[-4000:]}\n")
        raise SystemExit(1)
    return seconds, process.returncode, stdout, stderr, usage.ru_maxrss


def cpu_busy(interval=1.0):
    """Fraction of all cores busy over `interval` seconds (other engineers' builds skew timings)."""
    def sample():
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        idle = fields[3] + fields[4]
        return sum(fields), idle
    total1, idle1 = sample()
    time.sleep(interval)
    total2, idle2 = sample()
    return 1 - (idle2 - idle1) / max(total2 - total1, 1)


class Foreign:
    """Measures how much CPU *other* processes used while a measurement ran: busy CPU time from
    /proc/stat minus the CPU time of this script and its children. Printed next to timings."""
    TICK = os.sysconf("SC_CLK_TCK")

    def __init__(self):
        self.fractions = []

    @staticmethod
    def _sample():
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        times = os.times()
        busy = (sum(fields[:8]) - fields[3] - fields[4]) / Foreign.TICK
        return busy, times.user + times.system + times.children_user + times.children_system, time.perf_counter()

    def __enter__(self):
        self.start = self._sample()
        return self

    def __exit__(self, *exc):
        busy, ours, now = self._sample()
        wall = max(now - self.start[2], 1e-6)
        other = max(0.0, (busy - self.start[0]) - (ours - self.start[1]))
        self.fractions.append(min(1.0, other / (wall * (os.cpu_count() or 1))))
        return False

    @property
    def last(self):
        return self.fractions[-1]

    @property
    def worst(self):
        return max(self.fractions) if self.fractions else 0.0


NOISE = 0.10   # other processes' CPU share above which a measurement is redone


def quiet_measure(label, meter, fn, tries=4):
    """Runs fn() (a measurement) when the machine is idle; redoes it when other processes used more
    than NOISE of the CPUs meanwhile. Returns the result of the cleanest try; meter.fractions gets
    that try's share (only), so figures report what their numbers were measured under."""
    best = None
    for attempt in range(tries):
        wait_for_quiet(label, limit=120, quiet=attempt > 0)
        probe = Foreign()
        with probe:
            result = fn()
        if best is None or probe.last < best[1]:
            best = (result, probe.last)
        if probe.last <= NOISE or config.smoke:   # a smoke run measures nothing worth redoing
            break
        log(f"  ({label}: other processes used {probe.last:.0%} of the CPUs meanwhile; measuring again)")
    meter.fractions.append(best[1])
    return best[0]


def wait_for_quiet(label, limit=300, quiet=False):
    """Waits (up to `limit` s) until the machine is mostly idle; returns the busy fraction seen."""
    if config.smoke:
        return 0.0
    busy = cpu_busy()
    if os.environ.get("BENCH_NO_WAIT"):
        return busy
    waited = 0
    while busy > 0.15 and waited < limit:
        if waited == 0 and not quiet:
            log(f"  machine is {busy:.0%} busy before {label}; waiting up to {limit}s for it to settle")
        time.sleep(4)
        waited += 5
        busy = cpu_busy()
    if busy > 0.15:
        log(f"  WARNING: still {busy:.0%} busy; {label} timings will be inflated")
    return busy
