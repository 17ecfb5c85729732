"""Figure 1: cold check of the generated sheet vs the per-module floor vs SwiftPM."""
import concurrent.futures as futures
import os
import shutil
import subprocess
import time

from .binary import cheatgen_check
from .common import JOBS, config, fresh_dir, log, median, summary_of, write
from .floor import run_floor
from .processes import Foreign, quiet_measure, timed
from .report import report
from .snippets import effective_source, make_snippets, output_matches, render_sheet


def spm_package(snippets, md_name, directory):
    fresh_dir(directory)
    manifest = ["// swift-tools-version: 6.0", "import PackageDescription", "", "let package = Package(",
                '    name: "Bench60",', "    targets: ["]
    for s in snippets:
        manifest.append(f'        .executableTarget(name: "{s.symbol}"),')
        # A file named main.swift is top-level code; an @main type needs any other name.
        file = f"{s.symbol}.swift" if s.is_library else "main.swift"
        write(os.path.join(directory, "Sources", s.symbol, file), effective_source(s, md_name))
    manifest += ["    ],", "    swiftLanguageModes: [.v6]", ")", ""]
    write(os.path.join(directory, "Package.swift"), "\n".join(manifest))


def run_spm(snippets, directory):
    """Cold `swift build` (fresh scratch folder), then each product once, 2 at a time."""
    scratch = os.path.join(directory, ".build")
    shutil.rmtree(scratch, ignore_errors=True)
    started = time.perf_counter()
    build_seconds, *_ = timed(["swift", "build", "--scratch-path", scratch, "-j", str(JOBS)], cwd=directory)
    bin_dir = os.path.join(scratch, "debug")

    def run_one(s):
        return s, subprocess.run([os.path.join(bin_dir, s.symbol)], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)

    with futures.ThreadPoolExecutor(JOBS) as pool:
        runs = list(pool.map(run_one, snippets))
    total = time.perf_counter() - started
    for s, result in runs:
        if result.returncode != 0 or not output_matches(s, result.stdout):
            raise SystemExit(f"swiftpm: {s.symbol} printed {result.stdout!r}, expected {s.output!r}")
    return total, build_seconds


def figure1(R):
    log(f"Figure 1: cold check of a {config.snippets}-snippet sheet vs the per-module floor vs SwiftPM")
    base = fresh_dir(os.path.join(config.work, "fig1"))
    snippets = make_snippets()
    sheet = render_sheet(snippets)
    write(os.path.join(base, "cheatgen", "bench60.md"), sheet)
    # Warm the page cache (compiler, stdlib modules) once, untimed, so no side pays for it alone.
    run_floor(snippets[:2], "bench60.md", os.path.join(base, "warmup"))
    a_times, b_times, b_phases, d_times = [], [], [], []
    meter = Foreign()
    for rep in range(config.reps(3)):
        shutil.rmtree(os.path.join(base, "cheatgen", ".cheatgen"), ignore_errors=True)
        def cold_check():
            shutil.rmtree(os.path.join(base, "cheatgen", ".cheatgen"), ignore_errors=True)
            return cheatgen_check(os.path.join(base, "cheatgen"), ["bench60.md"], "--no-cache", "--jobs", str(JOBS))
        seconds, code, out, err, _ = quiet_measure("figure 1 (a)", meter, cold_check)
        if summary_of(out, err) != (len(snippets), 0, 0):
            raise SystemExit(f"cheatgen did not pass all {len(snippets)} snippets: {summary_of(out, err)}\n{out[-2000:]}{err[-2000:]}")
        a_times.append(seconds)
        log(f"  rep {rep + 1}: (a) cheatgen check --no-cache: {seconds:6.2f}s   [other processes: {meter.last:.0%} CPU]")
        seconds, phases = quiet_measure("figure 1 (b)", meter, lambda: run_floor(snippets, "bench60.md", os.path.join(base, "floor")))
        b_times.append(seconds)
        b_phases.append(phases)
        log(f"  rep {rep + 1}: (b) floor:                     {seconds:6.2f}s  "
            f"(compile {phases['compile']:.2f}, link {phases['link']:.2f}, run {phases['run']:.2f})   [other processes: {meter.last:.0%} CPU]")
        seconds, phases = quiet_measure("figure 1 (b')", meter,
                                        lambda: run_floor(snippets, "bench60.md", os.path.join(base, "floor-driver"), driver=True))
        d_times.append(seconds)
        log(f"  rep {rep + 1}: (b') floor via swiftc -c:      {seconds:6.2f}s  "
            f"(compile {phases['compile']:.2f}, link {phases['link']:.2f}, run {phases['run']:.2f})   [other processes: {meter.last:.0%} CPU]")
    a, b, d = median(a_times), median(b_times), median(d_times)
    log("  (c) SwiftPM: one executableTarget per snippet, cold build + run each (one run)")
    spm_package(snippets, "bench60.md", os.path.join(base, "spm"))
    c, c_build = quiet_measure("figure 1 (c)", meter, lambda: run_spm(snippets, os.path.join(base, "spm")), tries=3)
    log(f"      SwiftPM: {c:.2f}s (build {c_build:.2f}s)   [other processes: {meter.last:.0%} CPU]")
    R["fig1_foreign"] = meter.worst
    R.update(fig1_a=a, fig1_b=b, fig1_c=c, fig1_c_build=c_build, fig1_a_all=a_times, fig1_b_all=b_times,
             fig1_b_phases={k: median([p[k] for p in b_phases]) for k in ("compile", "link", "run")},
             fig1_ab=a / b, fig1_ca=c / a, fig1_snippets=snippets)
    R.update(fig1_d=d, fig1_d_all=d_times)
    report("1a", "cold check / floor (a/b)", f"{a:.2f}s / {b:.2f}s = {a / b:.2f}", a / b <= 1.3, "≤ 1.3", R)
    report("1a'", "cold check / floor through the swiftc driver (informational)", f"{a:.2f}s / {d:.2f}s = {a / d:.2f}", None, "—", R)
    report("1b", "SwiftPM / cold check (c/a)", f"{c:.2f}s / {a:.2f}s = {c / a:.2f}", c / a >= 4, "≥ 4", R)
