"""Figure 10: what confining snippets (namespaces, control groups) costs their runs."""
import os

from .binary import cheatgen_check
from .common import JOBS, config, fresh_dir, log, median, summary_of, write
from .processes import Foreign, quiet_measure, timed
from .report import report
from .snippets import make_snippets, render_sheet


def figure10(R):
    """What confining snippets costs: the same warm snippets checked with the namespaces, with the
    limits alone (CHEATGEN_CONFINEMENT=limits), and with nothing (=none), alternating in one run."""
    log("Figure 10: run-time overhead of the snippets' namespaces (and of the limits)")
    base = fresh_dir(os.path.join(config.work, "fig10"))
    snippets = make_snippets()
    write(os.path.join(base, "bench60.md"), render_sheet(snippets))
    python = ["---", "title: Python runs", "---", "", "## Runs", ""]
    for k in range(1, config.python_runs + 1):
        python += [f"### Python {k}", "", "```python", f"print(sum(range({k})))", "```", "", "```output", str(sum(range(k))), "```", ""]
    write(os.path.join(base, "python.md"), "\n".join(python))
    total = len(snippets) + config.python_runs
    # Warm: objects compiled and the runner linked, so each check below is (almost) only runs.
    cheatgen_check(base, ["bench60.md", "python.md"], "--jobs", str(JOBS))
    modes = {"confined": None, "limits": "limits", "none": "none"}
    times = {mode: [] for mode in modes}
    cpu = {mode: [] for mode in modes}   # CPU seconds of cheatgen and every snippet: steadier than wall time on a busy machine
    meter = Foreign()
    for rep in range(config.reps(5)):
        for mode, value in modes.items():
            env = {k: v for k, v in os.environ.items() if k != "CHEATGEN_CONFINEMENT"}
            if value:
                env["CHEATGEN_CONFINEMENT"] = value
            argv = [config.cheatgen, "check", "bench60.md", "python.md", "--no-cache", "--jobs", str(JOBS)]
            seconds, code, out, err, _ = quiet_measure(f"figure 10 ({mode})", meter, lambda: timed(argv, cwd=base, check=False, env=env))
            if summary_of(out, err) != (total, 0, 0):
                raise SystemExit(f"figure 10: the check ({mode}) did not pass: {out[-1000:]}{err[-1000:]}")
            times[mode].append(seconds)
            cpu[mode].append(timed.last_cpu)
            log(f"  rep {rep + 1}: {mode:8} {seconds:6.2f}s, CPU {timed.last_cpu:6.2f}s   [other processes: {meter.last:.0%} CPU]")
    confined, limits, none = (median(times[mode]) for mode in modes)
    cpu_confined, cpu_limits, cpu_none = (median(cpu[mode]) for mode in modes)
    R.update(fig10_all=times, fig10_cpu=cpu, fig10_foreign=meter.worst)
    report("10", f"run-time overhead of the namespaces: check of {total} warm snippets ({len(snippets)} Swift, {config.python_runs} Python), with / without them",
           f"{confined:.2f} s / {limits:.2f} s = {confined / limits:.3f} ({(confined - limits) / total * 1000:+.1f} ms per snippet); "
           f"CPU time {cpu_confined:.2f} s / {cpu_limits:.2f} s = {cpu_confined / cpu_limits:.3f}",
           confined / limits <= 1.1, "≤ 1.1", R,
           extra=f"with the limits (control groups) too, against nothing at all: {confined:.2f} s / {none:.2f} s = {confined / none:.3f}, "
                 f"CPU {cpu_confined:.2f} s / {cpu_none:.2f} s = {cpu_confined / cpu_none:.3f}")
