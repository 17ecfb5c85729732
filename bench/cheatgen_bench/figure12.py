"""Figure 12: what one shell-session command costs against a one-line Swift snippet."""
import os

from .common import JOBS, config, fresh_dir, log, median, summary_of, write
from .processes import Foreign, quiet_measure, timed
from .report import report


def sessions_sheets(base, count):
    """Three sheets of `count` items each: one-line Swift snippets, one-command sessions, and one
    session of `count` commands."""
    swift = ["---", "title: Swift one-liners", "---", "", "## Lines", ""]
    single = ["---", "title: One-command sessions", "---", "", "## Sessions", ""]
    for k in range(1, count + 1):
        swift += [f"### Swift {k}", "", "```swift", f"print({k} * 2)", "```", "", "```output", str(k * 2), "```", ""]
        single += [f"### Session {k}", "", "```console", f"$ echo $(({k} * 2))", str(k * 2), "```", ""]
    long = ["---", "title: One long session", "---", "", "## Session", "", "### All commands", "", "```console"]
    for k in range(1, count + 1):
        long += [f"$ echo $(({k} * 2))", str(k * 2)]
    long += ["```", ""]
    write(os.path.join(base, "swift.md"), "\n".join(swift))
    write(os.path.join(base, "single.md"), "\n".join(single))
    write(os.path.join(base, "long.md"), "\n".join(long))


def figure12(R):
    """The same N trivial items checked without the cache: N one-line Swift snippets (compiled
    and run on the fast path, warm), N sessions of one command, and one session of N commands."""
    count = 5 if config.smoke else 40
    log(f"Figure 12: a session command against a one-line Swift snippet ({count} of each)")
    base = fresh_dir(os.path.join(config.work, "fig12"))
    sessions_sheets(base, count)
    # Warm: the Swift runner linked once, tool versions remembered.
    timed([config.cheatgen, "check", "swift.md", "single.md", "long.md"], cwd=base, check=False)
    sheets = {"swift": ("swift.md", count), "single": ("single.md", count), "long": ("long.md", 1)}
    times = {name: [] for name in sheets}
    meter = Foreign()
    for rep in range(config.reps(3)):
        for name, (sheet, items) in sheets.items():
            argv = [config.cheatgen, "check", sheet, "--no-cache", "--jobs", str(JOBS)]
            seconds, code, out, err, _ = quiet_measure(f"figure 12 ({name})", meter, lambda: timed(argv, cwd=base, check=False))
            if summary_of(out, err) != (items, 0, 0):
                raise SystemExit(f"figure 12: the check of {sheet} did not pass: {out[-1000:]}{err[-1000:]}")
            times[name].append(seconds)
            log(f"  rep {rep + 1}: {name:6} {seconds:6.2f}s   [other processes: {meter.last:.0%} CPU]")
    swift, single, long = (median(times[name]) / count * 1000 for name in sheets)
    R.update(fig12_all=times)
    report("12", f"cost per item, {count} of each, no cache, --jobs {JOBS}: one-line Swift snippet / one-command session / command in one long session",
           f"{swift:.0f} ms / {single:.0f} ms / {long:.0f} ms", None, "info", R,
           extra="wall time of the whole check divided by the items, cheatgen's start included")
