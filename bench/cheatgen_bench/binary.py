"""The cheatgen binary measured: built (release) or found, and checked before anything is timed."""
import os
import subprocess
import sys

from .common import ROOT, SCRATCH, config, fresh_dir, log, summary_of, write
from .processes import timed


def newest_source_mtime():
    newest = 0.0
    for name in ("Package.swift", "Package.resolved"):
        path = os.path.join(ROOT, name)
        if os.path.exists(path):
            newest = max(newest, os.path.getmtime(path))
    for top, _, files in os.walk(os.path.join(ROOT, "Sources")):
        for name in files:
            newest = max(newest, os.path.getmtime(os.path.join(top, name)))
    return newest


def build_cheatgen(R):
    """Builds the release binary (skipped when it is newer than Sources/ and Package.*) and checks
    that it can verify one snippet before anything is timed. A smoke run takes the debug binary
    `swift build` left (CI has just built it) and builds nothing."""
    if os.environ.get("BENCH_CHEATGEN"):
        config.cheatgen = os.path.abspath(os.environ["BENCH_CHEATGEN"])
        log(f"using BENCH_CHEATGEN={config.cheatgen} (no build)")
        R["binary"] = f"`{config.cheatgen}` (BENCH_CHEATGEN)"
    elif config.smoke:
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True,
                                  check=True).stdout.strip()
        config.cheatgen = os.path.join(bin_path, "cheatgen")
        if not os.path.exists(config.cheatgen):
            raise SystemExit(f"no debug build at {config.cheatgen}: run `swift build --product cheatgen` first")
        log(f"smoke run: using the debug build {os.path.relpath(config.cheatgen, ROOT)}")
        R["binary"] = "debug build"
    elif os.path.exists(config.cheatgen) and os.path.getmtime(config.cheatgen) >= newest_source_mtime():
        log(f"cheatgen release binary is up to date: {os.path.relpath(config.cheatgen, ROOT)}")
    else:
        log(f"building cheatgen (release, --scratch-path {SCRATCH}); the first build takes several minutes")
        seconds, *_ = timed(["swift", "build", "-c", "release", "--product", "cheatgen", "--scratch-path", SCRATCH], cwd=ROOT)
        log(f"  built in {seconds:.0f}s")
    R.setdefault("binary", f"release build (`--scratch-path {SCRATCH}`)")
    problem = one_snippet_problem(config.cheatgen)
    if problem is not None:
        raise SystemExit(f"cheatgen cannot be measured: {problem}")


def one_snippet_problem(binary):
    """None if `cheatgen check` verifies one tiny snippet; else what went wrong."""
    base = fresh_dir(os.path.join(config.work, "smoke"))
    write(os.path.join(base, "smoke.md"), "---\ntitle: Smoke\n---\n\n## A\n\n### B\n\n```swift\nprint(1 + 1)\n```\n\n```output\n2\n```\n")
    env = dict(os.environ, SWIFT_BACKTRACE="enable=no")
    _, code, out, err, _ = timed([binary, "check", "smoke.md"], cwd=base, check=False, env=env)
    if code == 0 and summary_of(out, err) == (1, 0, 0):
        return None
    if code < 0:
        return (f"`cheatgen check` of a one-snippet sheet dies with signal {-code} (once seen with Swift 6.3.1 -O: "
                f"a function-typed @TaskLocal crashed in swift_task_localValuePush; see commit 549e76d)")
    return f"`cheatgen check` of a one-snippet sheet exited {code}: {(out + err).strip()[-500:]}"


def cheatgen_check(cwd, paths, *extra, check=True):
    """`cheatgen check` timed; stops the run if it fails (with check) or, in a smoke run, crashes."""
    seconds, code, out, err, rss = timed([config.cheatgen, "check", *paths, *extra], cwd=cwd, check=False)
    if check and code != 0:
        sys.stderr.write(f"cheatgen check failed ({code}) in {cwd}\n{out[-3000:]}\n{err[-3000:]}\n")
        raise SystemExit(1)
    if config.smoke and code < 0:
        raise SystemExit(f"cheatgen check died with signal {-code} in {cwd}\n{out[-3000:]}\n{err[-3000:]}")
    return seconds, code, out, err, rss
