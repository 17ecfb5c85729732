"""Figure 15: Swift snippets compiled together (merged) against each as its own module (standalone)."""
import glob
import os
import re
import shutil

from .binary import cheatgen_check
from .common import JOBS, ROOT, config, copy_content, fresh_dir, log, median, summary_of, write
from .processes import Foreign, quiet_measure
from .report import report

BOOK = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "swift-book")
MERGED_LINE = re.compile(r"^swift: (\d+) of (\d+) snippets compiled in (\d+) shared module\(s\)(?:; alone: (.*))?$", re.M)
COMPILE_LINE = re.compile(r"^\$ \S*(?:swiftc -c|swift-frontend -frontend -c) .*?\((\d+\.\d+) s\)$", re.M)


def merged_counts(err):
    """(merged, runnable considered, reasons) summed over the run's `swift:` lines."""
    merged = total = 0
    reasons = {}
    for match in MERGED_LINE.finditer(err):
        merged += int(match.group(1))
        total += int(match.group(2))
        for part in re.split(r", (?=\d+ )", match.group(4) or ""):
            if part:
                count, _, reason = part.partition(" ")
                reasons[reason] = reasons.get(reason, 0) + int(count)
    return merged, total, reasons


def compile_work(err):
    """Seconds the compiler processes ran, summed (the compile phase's work, not its wall time)."""
    return sum(float(x) for x in COMPILE_LINE.findall(err))


def measure(base, sheets, merge, meter, label, jobs=JOBS):
    """One cold check of `sheets` (no verdicts, no objects, no learned jobs kept)."""
    lines = ["title: Figure 15"] + ([] if merge else ["swift:", "  merge: false"])
    write(os.path.join(base, "cheatgen.yml"), "\n".join(lines) + "\n")
    def cold():
        # Nothing compiled, linked or learned is kept; the packages sheets import stay built
        # (as in figure 6: a package is built once per machine, and neither way compiles it).
        work = os.path.join(base, ".cheatgen")
        for name in os.listdir(work) if os.path.isdir(work) else []:
            if name != "deps":
                path = os.path.join(work, name)
                shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else os.remove(path)
        return cheatgen_check(base, sheets, "--no-cache", "--verbose", "--jobs", str(jobs), check=False)
    seconds, code, out, err, _ = quiet_measure(label, meter, cold)
    return seconds, summary_of(out, err), err


def compare(name, base, sheets, R, meter):
    """Merged and standalone, alternating: the cold check's wall time (median of 3, --jobs 2),
    and the compile phase alone — the compiler processes' seconds summed in a run with --jobs 1,
    where they run one at a time, so the sum is the phase's length and no process waits for a
    core."""
    merged_times, alone_times = [], []
    counts = None
    for rep in range(config.reps(3)):
        m_seconds, m_summary, m_err = measure(base, sheets, True, meter, f"figure 15 {name} merged")
        a_seconds, a_summary, a_err = measure(base, sheets, False, meter, f"figure 15 {name} standalone")
        if m_summary != a_summary:
            raise SystemExit(f"figure 15 {name}: merged gave {m_summary}, standalone {a_summary}")
        merged_times.append(m_seconds)
        alone_times.append(a_seconds)
        counts = merged_counts(m_err)
        log(f"  {name} rep {rep + 1}: merged {m_seconds:6.2f}s, standalone {a_seconds:6.2f}s; {m_summary}")
    _, _, m_err = measure(base, sheets, True, meter, f"figure 15 {name} merged, one job", jobs=1)
    _, _, a_err = measure(base, sheets, False, meter, f"figure 15 {name} standalone, one job", jobs=1)
    mw, aw = compile_work(m_err), compile_work(a_err)
    log(f"  {name} compile phase (--jobs 1): merged {mw:.2f}s, standalone {aw:.2f}s")
    m, a = median(merged_times), median(alone_times)
    merged, total, reasons = counts
    why = "; ".join(f"{n} {r}" for r, n in sorted(reasons.items(), key=lambda item: -item[1]))
    R.setdefault("fig15", {})[name] = dict(merged=m, alone=a, merged_work=mw, alone_work=aw, merged_count=merged, total=total, reasons=reasons)
    return m, a, mw, aw, merged, total, why


def figure15(R):
    log("Figure 15: Swift snippets compiled together against each alone (cold check: --no-cache, nothing compiled; packages built)")
    meter = Foreign()
    base = fresh_dir(os.path.join(config.work, "fig15"))
    copy_content(base)
    os.remove(os.path.join(base, "cheatgen.yml")) if os.path.exists(os.path.join(base, "cheatgen.yml")) else None
    sheets = sorted(os.path.relpath(p, base) for p in glob.glob(os.path.join(base, "content", "*.md"))
                    if "```swift" in open(p).read())
    if config.smoke:
        sheets = sheets[:1]
    rows = [(os.path.basename(sheet), [sheet]) for sheet in sheets] if not config.smoke else []
    rows.append(("content (Swift sheets)", sheets))
    # The packages the sheets import, built once, untimed.
    cheatgen_check(base, sheets, "--jobs", str(JOBS), check=False)
    for name, paths in rows:
        m, a, mw, aw, merged, total, why = compare(name, base, paths, R, meter)
        passed = None if name != "content (Swift sheets)" else a / m >= 2
        report(f"15 {name}", f"cold check standalone / merged (compile phase {aw:.1f}s / {mw:.1f}s = {aw / max(mw, 1e-6):.2f}×)",
               f"{a:.2f}s / {m:.2f}s = {a / m:.2f}×", passed, "≥ 2× for all Swift sheets" if passed is not None else "—", R,
               extra=f"{merged} of {total} snippets merged; alone: {why}")
    if os.path.isdir(BOOK) and not config.smoke:
        book = fresh_dir(os.path.join(config.work, "fig15-book"))
        for path in glob.glob(os.path.join(BOOK, "tspl-*.md")):
            shutil.copy(path, book)
        m, a, mw, aw, merged, total, why = compare("swift-book", book, ["."], R, meter)
        report("15 swift-book", f"cold check standalone / merged (compile phase {aw:.1f}s / {mw:.1f}s = {aw / max(mw, 1e-6):.2f}×)",
               f"{a:.2f}s / {m:.2f}s = {a / m:.2f}×", a / m >= 2, "≥ 2×", R, extra=f"{merged} of {total} snippets merged; alone: {why}")
    R["fig15_foreign"] = meter.worst
