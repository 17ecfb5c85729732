"""Figure 7: what proving more (--repeat 10, --sanitize thread) costs on content/."""
import os
import shutil

from .binary import cheatgen_check
from .common import JOBS, config, copy_content, fresh_dir, log, summary_of
from .processes import Foreign, quiet_measure
from .report import report


def figure7(R):
    """What proving more costs: content/ checked cold with --repeat 10 and with --sanitize thread,
    each against a plain cold check of the same sheets in the same run (informational)."""
    log("Figure 7: cost of --repeat 10 and of --sanitize thread on content/, against a plain cold check")
    base = fresh_dir(os.path.join(config.work, "fig7"))
    copy_content(base)
    # The declared packages are built once, untimed: each figure is the snippets' own cost.
    cheatgen_check(base, config.content_paths, "--jobs", str(JOBS), check=False)
    meter = Foreign()
    times = {}
    for name, extra in (("plain", []), ("repeat", ["--repeat", "10"]), ("tsan", ["--sanitize", "thread"])):
        def cold():
            for folder in ("objects", "bin", "verdicts"):
                shutil.rmtree(os.path.join(base, ".cheatgen", folder), ignore_errors=True)
            return cheatgen_check(base, config.content_paths, "--jobs", str(JOBS), *extra, check=False)
        seconds, code, out, err, _ = quiet_measure(f"figure 7 ({name})", meter, cold, tries=2)
        times[name] = (seconds, summary_of(out, err), code)
        log(f"  {name}: {seconds:6.2f}s, {summary_of(out, err)} (passed, failed, skipped), exit {code}   [other processes: {meter.last:.0%} CPU]")
        if code != 0:
            log("  " + "\n  ".join((out + err).strip().split("\n")[-8:]))
    plain, repeat, tsan = times["plain"][0], times["repeat"][0], times["tsan"][0]
    R.update(fig7_plain=plain, fig7_repeat=repeat, fig7_tsan=tsan, fig7_foreign=meter.worst)
    report("7", "cold check of content/: --repeat 10 / plain, --sanitize thread / plain (informational)",
           f"{repeat:.1f}s / {plain:.1f}s = {repeat / plain:.2f}; {tsan:.1f}s / {plain:.1f}s = {tsan / plain:.2f}", None, "—", R,
           extra=f"exits {times['plain'][2]}, {times['repeat'][2]}, {times['tsan'][2]}")
