"""The machine a run measured on, and bench/RESULTS.md: the figures' table, every run, an interpretation."""
import datetime
import os
import platform
import shutil
import subprocess

from .common import BENCH, ROOT, config, log, write
from .figure11 import SHARDS
from .report import verdict


def machine():
    info = {"nproc": os.cpu_count(), "platform": platform.platform()}
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                info["memory"] = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    with open("/proc/cpuinfo") as handle:
        models = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
    info["cpu"] = models[0] if models else "unknown"
    info["swift"] = subprocess.run(["swiftc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    info["hugo"] = (subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.strip()
                    if shutil.which("hugo") else "hugo: not installed")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "Sources", "Package.swift"], cwd=ROOT, capture_output=True, text=True).stdout
    info["commit"] = commit + (f" + uncommitted changes in {len(dirty.splitlines())} file(s) under Sources/" if dirty.strip() else "")
    return info


def interpretation(R):
    parts = []
    if "fig1_a" in R:
        p = R["fig1_b_phases"]
        parts.append(
            f"Cold verification of 60 snippets is dominated by the compiler: the floor spends {p['compile']:.1f}s compiling "
            f"(60 swift-frontend jobs, 2 at a time), {p['link']:.1f}s in the single link and {p['run']:.1f}s running, and "
            f"cheatgen adds {R['fig1_a'] - R['fig1_b']:+.1f}s ({(R['fig1_ab'] - 1) * 100:+.0f}%) on top of that (going through "
            f"the swiftc driver for every compile, as the brief's command does, would cost {R['fig1_d'] - R['fig1_b']:.1f}s more); "
            f"SwiftPM, which emits a module and links an executable per target, needs {R['fig1_ca']:.1f}× cheatgen's time"
            + (f" — and only {R['fig1_c'] / R['fig1_b']:.1f}× the floor's, so no reduction of cheatgen's own overhead can "
               f"reach the 4× target on this machine; only a cheaper compile per snippet could."
               if R['fig1_c'] / R['fig1_b'] < 4 else "."))
    if "fig2_noop" in R:
        parts.append(f"A no-op check of content/ takes {R['fig2_noop'] * 1000:.0f} ms "
                     f"({'within' if R['fig2_noop'] <= 0.15 else 'over'} the 150 ms budget).")
    if "fig3_edit" in R:
        floor = R["fig3_frontend"] + R["fig3_link"]
        rest = R["fig3_edit"] - R["fig3_own"] - floor
        parts.append(
            f"After one edit, check takes {R['fig3_edit']:.2f}s; one swift-frontend compile of the snippet alone costs "
            f"{R['fig3_frontend']:.2f}s and re-linking the 60-object runner {R['fig3_link']:.2f}s, so the compiler's floor "
            f"for this edit is ≈{floor:.2f}s"
            + (f" and cheatgen's own share (≈{rest:+.2f}s) is within the noise of these timings"
               if abs(rest) < 0.05 else
               f" and cheatgen comes in ≈{-rest:.2f}s under it: it relinks with the dispatcher object it compiled before and "
               f"runs the link jobs without the driver" if rest < 0 else f" and cheatgen's own share ≈{rest:.2f}s")
            + ("; the single link is the larger part." if R["fig3_link"] > R["fig3_frontend"] else "."))
    if "fig4_exit" in R:
        parts.append("A type error fails the run with the expected count and a Markdown location."
                     if R["fig4_exit"] != 0 and R["fig4_summary"] == (59, 1, 0) else
                     "The broken-snippet run did not report as expected (see figure 4).")
    if "fig5_cg" in R:
        text = (f"Rendering {config.small:,} sheets ({config.small * 20:,} highlighted cards) takes cheatgen {R['fig5_cg']:.2f}s against Hugo's "
                f"{R['fig5_hugo']:.2f}s, with a peak of {R['fig5_rss']:.0f} MB")
        if "fig5_cg10k" in R:
            text += (f"; {config.large:,} sheets take {R['fig5_cg10k']:.1f}s ({R['fig5_cg10k'] / R['fig5_cg']:.2f}× — "
                     f"{'within' if R['fig5_cg10k'] / R['fig5_cg'] <= 11 else 'over'} the 11× bound) "
                     f"and peak at {R['fig5_rss10k']:.0f} MB against Hugo's {R['fig5_hugo10k']:.0f}s and {R['fig5_hugo_rss10k']:.0f} MB. "
                     f"Memory grows with the content, not with one page: through the middle of the {config.large:,}-sheet run RSS sits at "
                     f"≈{R['fig5_plateau10k']:.0f} MB and the highest sample comes at {R['fig5_peak_at10k']:.0%} of the run; pages and "
                     f"the {R['fig5_out10k'][1]:.0f} MB search index are written as they are made, and each sheet is kept only as its "
                     f"outline (sections, cards and snippets, no prose) from loading to the end of the build, its page rendered "
                     f"from the file parsed again")
            if R.get("fig5_phases10k") and R.get("fig5_phases"):
                names = ("the start (until both cores are busy)", "the parallel part (parsing, rendering)", "the rest (single-core steps)")
                ratios = [big / max(small, 1e-6) for big, small in zip(R["fig5_phases10k"], R["fig5_phases"])]
                worst = max(range(3), key=lambda i: ratios[i])
                text += (f". By phase, {config.large // config.small}× the sheets cost "
                         + ", ".join(f"{r:.1f}× in {n}" for n, r in zip(names, ratios))
                         + f" — the worst scaling is in {names[worst]}")
        parts.append(text + ".")
    if "fig7_ratio" in R:
        parts.append(f"Split over {SHARDS} shards by recorded durations, {config.synthetic_snippets:,} snippets give a slowest shard "
                     f"{R['fig7_ratio']:.4f}× a quarter of the whole (synthesized durations); content/'s {R['fig7_recorded']} "
                     f"snippets verified for real in 4 cold shards give {R['fig7_real']:.2f}×, the rest being each shard's fixed "
                     f"costs (asking the compiler for its plans, the link) and few snippets to even out.")
    foreign = {k[3]: R[k] for k in ("fig1_foreign", "fig2_foreign", "fig3_foreign", "fig5_foreign") if k in R}
    noisy = [f"{k} ({v:.0%})" for k, v in foreign.items() if v > 0.10]
    if noisy:
        parts.append("Other processes (a CI run of this repository) used a noticeable share of the 2 CPUs during figure(s) "
                     + ", ".join(noisy) + ", so those timings are pessimistic and noisier than the medians suggest.")
    return " ".join(parts)


def write_results(R, info, total):
    lines = ["# cheatgen benchmark results", "",
             f"Recorded by `bench/run` on {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} (whole run: {total / 60:.1f} min).", "",
             "## Machine", "",
             f"- CPU: {info['cpu']}, {info['nproc']} cores (nproc); memory {info['memory']}",
             f"- {info['platform']}",
             f"- {info['swift']}",
             f"- {info['hugo']}",
             f"- cheatgen at commit {info['commit']}; measured binary: {R.get('binary', '?')}", ""]
    lines += ["## Figures", "",
              "| # | figure | measured | target | result |", "| --- | --- | --- | --- | --- |"]
    for key, label, value, passed, target, extra in R.get("figures", []):
        lines.append(f"| {key} | {label} | {value}{'; ' + extra if extra else ''} | {target} | "
                     f"{'**FAIL**' if passed is False else verdict(passed)} |")
    lines += ["", "## Details", ""]
    if "fig1_a" in R:
        p = R["fig1_b_phases"]
        lines += [f"- Figure 1, all runs: (a) cheatgen {', '.join(f'{t:.2f}' for t in R['fig1_a_all'])} s; "
                  f"(b) floor {', '.join(f'{t:.2f}' for t in R['fig1_b_all'])} s "
                  f"(median phases: compile {p['compile']:.2f}, link {p['link']:.2f}, run {p['run']:.2f} s); "
                  f"(b') floor through the `swiftc -c` driver {', '.join(f'{t:.2f}' for t in R['fig1_d_all'])} s; "
                  f"(c) SwiftPM {R['fig1_c']:.2f} s, of which `swift build` {R['fig1_c_build']:.2f} s."]
    if "fig2_noop" in R:
        lines += [f"- Figure 2: cold check of content/ {R['fig2_cold']:.2f} s ({R['fig2_summary']} passed/failed/skipped, "
                  f"exit {R['fig2_exit']}); no-op runs {', '.join(f'{t:.3f}' for t in R['fig2_all'])} s."]
    if "fig3_edit" in R:
        lines += [f"- Figure 3: edit runs {', '.join(f'{t:.3f}' for t in R['fig3_all'])} s; the edited snippet's own run "
                  f"{R['fig3_own'] * 1000:.1f} ms; compiler floor for the same work: one `swiftc -c` {R['fig3_compile']:.3f} s, "
                  f"one 60-object link {R['fig3_link']:.3f} s (`swiftc --version` alone {R['fig3_version']:.3f} s). Hints: the same "
                  f"compile run as the bare `swift-frontend` job (no driver) takes {R['fig3_frontend']:.3f} s, and the same link "
                  f"with `-use-ld=lld` instead of the default gold {R['fig3_link_lld']:.3f} s."]
    if "fig5_cg" in R:
        lines += [f"- Figure 5 ({config.small:,} sheets): cheatgen {', '.join(f'{t:.2f}' for t in R['fig5_cg_all'])} s "
                  f"({R['fig5_cg_cores']:.2f} cores busy on average); Hugo "
                  f"{', '.join(f'{t:.2f}' for t in R['fig5_hugo_all'])} s ({R['fig5_hugo_cores']:.2f} cores busy; "
                  f"peak RSS {R['fig5_hugo_rss']:.0f} MB); "
                  f"HTML files written: cheatgen {R['fig5_pages'][0]}, Hugo {R['fig5_pages'][1]}."]
    if "fig5_cg10k" in R:
        if R.get("fig5_phases10k") and R.get("fig5_phases"):
            lines += ["- Figure 5, phases of cheatgen build (median runs; split where the process starts and stops keeping "
                      "more than 1.3 cores busy): " + "; ".join(
                          f"{name} {big:.1f} s at {config.large:,} vs {small:.1f} s at {config.small:,} ({big / max(small, 1e-6):.1f}×)"
                          for name, big, small in zip(("start (until both cores are busy)", "parallel part (parsing, rendering)",
                                                       "rest (single-core steps: cross-references, index page, swap)"),
                                                      R["fig5_phases10k"], R["fig5_phases"])) + "."]
        lines += [f"- Figure 5 ({config.large:,} sheets): cheatgen {', '.join(f'{t:.2f}' for t in R['fig5_cg10k_all'])} s "
                  f"(median {R['fig5_cg10k']:.2f} s, {R['fig5_cg10k_cores']:.2f} cores busy), peak RSS {R['fig5_rss10k']:.0f} MB; "
                  f"profile of the median run — {R['fig5_timeline10k']}; the site it writes is {R['fig5_out10k'][0]:.0f} MB, of which "
                  f"the search index (search/) {R['fig5_out10k'][1]:.0f} MB; "
                  f"Hugo {R['fig5_hugo10k']:.2f} s, peak RSS {R['fig5_hugo_rss10k']:.0f} MB."]
    if "fig10_all" in R:
        lines += ["- Figure 10, all runs: " + "; ".join(f"{mode} {', '.join(f'{t:.2f}' for t in runs)} s (CPU "
                                                      f"{', '.join(f'{t:.2f}' for t in R['fig10_cpu'][mode])} s)" for mode, runs in R["fig10_all"].items())
                  + " (confined: network and mount namespaces plus control groups; limits: control groups only; none: neither)."]
    foreign = {k: R[k] for k in ("fig1_foreign", "fig2_foreign", "fig3_foreign", "fig5_foreign", "fig7_foreign", "fig10_foreign") if k in R}
    if "fig11_ratio" in R:
        lines += [f"- Figure 11: recorded durations of content/'s {R['fig11_recorded']} snippets (cold check {R['fig11_full']:.2f} s), "
                  f"drawn {config.synthetic_snippets:,} times (seeded) as the durations of a generated repository of "
                  f"{config.synthetic_snippets:,} `ignore` snippets, so cheatgen splits them (`check --shard K/{SHARDS} --verbose`) "
                  f"without compiling; per-shard sums {', '.join(f'{t:.1f}' for t in R['fig11_loads'])} s of "
                  f"{R['fig11_whole']:.1f} s. content/ itself, each shard cold in its own folder with the recorded durations: "
                  f"{', '.join(f'{t:.2f}' for t in R['fig11_shards'])} s."]
    if foreign:
        lines += ["- Other processes' share of the CPUs during the timed runs (worst run of each figure; "
                  "/proc/stat busy time minus this script's own process tree): "
                  + ", ".join(f"figure {k.split('_')[0][3:]} {v:.0%}" for k, v in foreign.items()) + "."]
    lines += ["", "## Interpretation", "", interpretation(R), ""]
    write(os.path.join(BENCH, "RESULTS.md"), "\n".join(lines))
    log(f"wrote {os.path.relpath(os.path.join(BENCH, 'RESULTS.md'), ROOT)}")
