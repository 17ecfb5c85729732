"""Figure 3: one edited snippet, checked again."""
import concurrent.futures as futures
import os
import shlex
import subprocess

from .binary import cheatgen_check
from .common import JOBS, config, fresh_dir, log, median, summary_of, write
from .floor import compile_args, dispatcher_source, link_args
from .processes import Foreign, quiet_measure, timed
from .report import report
from .snippets import Snippet, effective_source, make_snippets, output_matches, render_sheet


def newest_runner(workdir):
    folder = os.path.join(workdir, ".cheatgen", "bin")
    runners = [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("runner-") and "." not in n]
    return max(runners, key=os.path.getmtime)


def edit_snippet(snippets, index, tag):
    """A copy of the snippets where snippet `index` prints a different literal (code and output)."""
    edited = list(snippets)
    s = snippets[index]
    label, new = f'"c{s.k}:', f'"c{s.k} {tag}:'
    assert label in s.code
    edited[index] = Snippet(s.k, s.card, s.code.replace(label, new, 1),
                            [s.output[0].replace(f"c{s.k}:", f"c{s.k} {tag}:", 1)] + s.output[1:], s.unordered)
    return edited


def figure3(R):
    log(f"Figure 3: edit one snippet of the {config.snippets}-snippet sheet, check again")
    base = fresh_dir(os.path.join(config.work, "fig3"))
    snippets = R.get("fig1_snippets") or make_snippets()
    index = 24 % len(snippets)   # card 25 (card 1 of a smoke run's 12): an async let snippet that sleeps 1 ms
    sheet_path = os.path.join(base, "bench60.md")
    write(sheet_path, render_sheet(snippets))
    cheatgen_check(base, ["bench60.md"], "--jobs", str(JOBS))       # warm: objects and verdicts cached
    cheatgen_check(base, ["bench60.md"], "--jobs", str(JOBS))
    times, run_times = [], []
    meter = Foreign()
    for rep in range(config.reps(3)):
        def edit_and_check():
            # Each try is a fresh edit (a new literal), so it really recompiles one snippet.
            edit_and_check.count += 1
            changed = edit_snippet(snippets, index, f"edit{rep + 1}x{edit_and_check.count}")
            write(sheet_path, render_sheet(changed))
            return changed, cheatgen_check(base, ["bench60.md"], "--jobs", str(JOBS))
        edit_and_check.count = 0
        edited, (seconds, code, out, err, _) = quiet_measure("figure 3", meter, edit_and_check)
        if summary_of(out, err) != (len(snippets), 0, 0):
            raise SystemExit(f"edited sheet did not pass: {out}{err}")
        times.append(seconds)
        # That snippet's own run time, from the runner cheatgen just linked.
        runner = newest_runner(base)
        s = edited[index]
        own = []
        for _ in range(config.reps(5)):
            t, rc, stdout, _, _ = timed([runner, s.symbol], cwd=base)
            if not output_matches(s, stdout):
                raise SystemExit(f"runner printed {stdout!r} for {s.symbol}")
            own.append(t)
        run_times.append(median(own))
        log(f"  edit {rep + 1}: check {seconds:.3f}s; the snippet's own run {run_times[-1] * 1000:.1f} ms   "
            f"[other processes: {meter.last:.0%} CPU]")
    edit, own_run = median(times), median(run_times)
    R["fig3_foreign"] = meter.worst

    # Cheap profile: what the compiler alone needs for that work (one compile, one 60-object link).
    phases = os.path.join(base, "phases")
    edited = edit_snippet(snippets, index, "phase")
    render_sheet(edited)   # sets each snippet's first code line
    s = edited[index]
    objects = []
    fresh_dir(phases)
    for other in snippets:
        src = os.path.join(phases, f"{other.symbol}.swift")
        write(src, effective_source(other, "bench60.md"))
    def compile_one(other):
        obj = os.path.join(phases, f"{other.symbol}.o")
        subprocess.run(compile_args(other, os.path.join(phases, f"{other.symbol}.swift"), obj), check=True, capture_output=True)
        return obj
    with futures.ThreadPoolExecutor(JOBS) as pool:
        objects = list(pool.map(compile_one, snippets))
    write(os.path.join(phases, "edited.swift"), effective_source(s, "bench60.md"))
    compile_times = [timed(compile_args(s, "edited.swift", "edited.o"), cwd=phases)[0] for _ in range(config.reps(3))]
    write(os.path.join(phases, "dispatcher.swift"), dispatcher_source(snippets))
    link_times = [timed(link_args("dispatcher.swift", objects, "runner"), cwd=phases)[0] for _ in range(config.reps(3))]
    version_times = [timed(["swiftc", "--version"], cwd=phases)[0] for _ in range(config.reps(3))]
    # Hints: the same link with lld instead of the default gold, and the compile without the driver.
    lld_times = [timed(link_args("dispatcher.swift", objects, "runner-lld") + ["-use-ld=lld"], cwd=phases)[0] for _ in range(config.reps(3))]
    jobs = subprocess.run(compile_args(s, "edited.swift", "edited.o") + ["-###"], cwd=phases, capture_output=True, text=True).stdout
    frontend = shlex.split(jobs.strip().split("\n")[0])
    frontend_times = [timed(frontend, cwd=phases)[0] for _ in range(config.reps(3))]
    R.update(fig3_edit=edit, fig3_own=own_run, fig3_all=times, fig3_compile=median(compile_times),
             fig3_link=median(link_times), fig3_version=median(version_times), fig3_link_lld=median(lld_times),
             fig3_frontend=median(frontend_times))
    log(f"  floor of that work: one swiftc -c {R['fig3_compile']:.3f}s (swift-frontend alone {R['fig3_frontend']:.3f}s), "
        f"one {len(snippets)}-object link {R['fig3_link']:.3f}s (with -use-ld=lld {R['fig3_link_lld']:.3f}s; "
        f"swiftc --version alone {R['fig3_version']:.3f}s)")
    report("3", "one edit, check again (median of 3), minus the snippet's run",
           f"{edit:.3f}s − {own_run:.3f}s = {edit - own_run:.3f}s (minus 0: {edit:.3f}s)", edit - own_run <= 0.6, "≤ 0.6 s", R)
