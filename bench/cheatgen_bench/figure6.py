"""Figure 6: snippets that import a declared package cost the same per snippet as without."""
import os
import re
import shutil
import time

from .binary import cheatgen_check
from .common import JOBS, config, fresh_dir, log, median, summary_of, write
from .processes import Foreign, quiet_measure
from .report import report
from .snippets import make_snippets, render_sheet


DEPENDENCY_FRONT_MATTER = """dependencies:
  - url: https://github.com/apple/swift-async-algorithms
    from: 1.0.0
    products: [AsyncAlgorithms]
"""


def declared_package(base):
    """(front matter, module) of the package every snippet of the second sheet imports. A smoke run
    declares a one-file package on disk instead: no fetch, and a build of seconds, not a minute."""
    if not config.smoke:
        return DEPENDENCY_FRONT_MATTER, "AsyncAlgorithms"
    write(os.path.join(base, "tiny", "Package.swift"),
          '// swift-tools-version: 6.0\nimport PackageDescription\n\nlet package = Package(\n    name: "Tiny",\n'
          '    products: [.library(name: "Tiny", targets: ["Tiny"])],\n    targets: [.target(name: "Tiny")]\n)\n')
    write(os.path.join(base, "tiny", "Sources", "Tiny", "Tiny.swift"), "public func tiny() -> Int { 1 }\n")
    return "dependencies:\n  - path: tiny\n    products: [Tiny]\n", "Tiny"


def figure6(R):
    """Snippets of a sheet that declares a package cost the same per snippet as without."""
    log("Figure 6: per-snippet cost of a sheet that declares a package vs one that does not")
    base = fresh_dir(os.path.join(config.work, "fig6"))
    snippets = make_snippets()
    plain = render_sheet(snippets)
    assert plain.startswith("---\n")
    # Every snippet of the second sheet imports the package, so the import's cost is measured too.
    front_matter, module = declared_package(base)
    with_deps = "---\n" + front_matter + re.sub(r"(?m)^(```swift[^\n]*\n)", rf"\1import {module}\n", plain[4:])
    write(os.path.join(base, "plain.md"), plain)
    write(os.path.join(base, "deps.md"), with_deps)
    # The one-time package build, reported separately.
    started = time.perf_counter()
    _, code, out, err, _ = cheatgen_check(base, ["deps.md"], "--jobs", str(JOBS))
    dependency_build = time.perf_counter() - started
    if summary_of(out, err) != (len(snippets), 0, 0):
        raise SystemExit(f"figure 6: the sheet with a package did not pass: {out[-1000:]}{err[-1000:]}")
    log(f"  one-time package build (and first check): {dependency_build:.2f}s")
    meter = Foreign()
    times = {"plain.md": [], "deps.md": []}
    for rep in range(config.reps(3)):
        for name in ("plain.md", "deps.md"):
            def cold():
                for folder in ("objects", "bin", "verdicts"):
                    shutil.rmtree(os.path.join(base, ".cheatgen", folder), ignore_errors=True)
                return cheatgen_check(base, [name], "--no-cache", "--jobs", str(JOBS))
            seconds, code, out, err, _ = quiet_measure(f"figure 6 ({name})", meter, cold)
            if summary_of(out, err) != (len(snippets), 0, 0):
                raise SystemExit(f"figure 6: {name} did not pass: {out[-1000:]}{err[-1000:]}")
            times[name].append(seconds)
            log(f"  rep {rep + 1}: {name}: {seconds:6.2f}s   [other processes: {meter.last:.0%} CPU]")
    plain_s, deps_s = median(times["plain.md"]), median(times["deps.md"])
    R.update(fig6_plain=plain_s, fig6_deps=deps_s, fig6_build=dependency_build)
    report("6", f"per-snippet cost, every snippet importing a declared package / without ({len(snippets)} snippets, cold, packages already built)",
           f"{deps_s / len(snippets) * 1000:.0f} ms / {plain_s / len(snippets) * 1000:.0f} ms = {deps_s / plain_s:.2f}; one-time package build {dependency_build:.1f}s",
           deps_s / plain_s <= 1.2, "≤ 1.2", R)
