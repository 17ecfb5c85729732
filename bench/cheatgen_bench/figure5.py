"""Figure 5: rendering at scale vs Hugo (1,000 and 10,000 generated sheets)."""
import os
import time

from .common import config, log, median, summary_of
from .processes import Foreign, quiet_measure, timed
from .render_corpus import count_pages, make_render_corpus, run_cheatgen_build, run_hugo
from .report import report
from .timeline import describe_timeline, split_phases


def figure5(R, skip_10k=False):
    log(f"Figure 5: rendering {config.small:,} sheets × 20 cards (swift ignore + output) — cheatgen build vs Hugo")
    started = time.perf_counter()
    base = make_render_corpus(config.small)
    log(f"  corpus ready in {time.perf_counter() - started:.1f}s: {base}")
    cg, hg, rss, cg_cpu, hugo_cpu, small_phases = [], [], [], [], [], []
    meter = Foreign()
    for rep in range(config.reps(3)):
        samples = []

        def build_small():
            samples.clear()
            return run_cheatgen_build(base, timeline=samples)
        seconds, peak, text = quiet_measure("figure 5", meter, build_small)
        small_phases.append((seconds, split_phases(samples, seconds)))
        cg.append(seconds)
        rss.append(peak)
        cg_cpu.append(timed.last_cpu / seconds)
        h, hrss = quiet_measure("figure 5", meter, lambda: run_hugo(base))
        hg.append(h)
        hugo_cpu.append(timed.last_cpu / h)
        log(f"  rep {rep + 1}: cheatgen build {seconds:.2f}s (peak RSS {peak / 1024:.0f} MB), hugo {h:.2f}s (peak RSS {hrss / 1024:.0f} MB)"
            f"   [other processes, worst so far: {meter.worst:.0%} CPU]")
    summary = summary_of(text, "")
    cg_pages, hugo_pages = count_pages(os.path.join(base, "out")), count_pages(os.path.join(base, "hugo", "out"))
    sample = open(os.path.join(base, "out", "sheet-00001.html")).read()
    highlighted = sample.count("<span")
    log(f"  cheatgen: {summary} (passed, failed, skipped), {cg_pages} HTML files, {highlighted} <span>s on one page; "
        f"hugo: {hugo_pages} HTML files")
    c1, h1, m1 = median(cg), median(hg), max(rss) / 1024
    R.update(fig5_cg_cores=median(cg_cpu), fig5_hugo_cores=median(hugo_cpu), fig5_phases=sorted(small_phases)[len(small_phases) // 2][1])
    log(f"  cores busy on average (CPU time / wall time): cheatgen {median(cg_cpu):.2f}, hugo {median(hugo_cpu):.2f}")
    R.update(fig5_cg=c1, fig5_hugo=h1, fig5_rss=m1, fig5_cg_all=cg, fig5_hugo_all=hg, fig5_hugo_rss=hrss / 1024,
             fig5_pages=(cg_pages, hugo_pages), fig5_summary=summary)
    R["fig5_foreign"] = meter.worst
    report("5a", f"{config.small:,} sheets: cheatgen build / hugo", f"{c1:.2f}s / {h1:.2f}s = {c1 / h1:.2f}", c1 <= h1, "≤ 1", R)
    report("5b", f"{config.small:,} sheets: cheatgen peak RSS", f"{m1:.0f} MB", m1 <= 300, "≤ 300 MB", R)
    if skip_10k:
        log("  10k sheets skipped (--skip-10k)")
        return
    log(f"Figure 5 (cont.): {config.large:,} sheets")
    started = time.perf_counter()
    base = make_render_corpus(config.large)
    log(f"  corpus ready in {time.perf_counter() - started:.1f}s")
    runs10k = []
    for rep in range(config.reps(3)):
        samples = []

        def build_10k():
            samples.clear()
            return run_cheatgen_build(base, timeline=samples)
        seconds, peak, text = quiet_measure("figure 5 (10k)", meter, build_10k, tries=2)
        middle = sorted(p[1] for p in samples if 0.2 * seconds <= p[0] <= 0.8 * seconds)
        end = [p for p in samples if p[1] == max(q[1] for q in samples)][0][0] / seconds if samples else 0
        runs10k.append((seconds, peak, timed.last_cpu / seconds, describe_timeline(samples, seconds),
                        middle[len(middle) // 2] if middle else 0, end, split_phases(samples, seconds)))
        log(f"  rep {rep + 1}: cheatgen build {seconds:.2f}s (peak RSS {peak / 1024:.0f} MB, {timed.last_cpu / seconds:.2f} cores busy), "
            f"{summary_of(text, '')}   [other processes: {meter.last:.0%} CPU]")
    seconds, peak, cores, timeline, plateau, peak_at, phases10k = sorted(runs10k)[len(runs10k) // 2]   # the median run
    R["fig5_plateau10k"], R["fig5_peak_at10k"], R["fig5_phases10k"] = plateau, peak_at, phases10k
    if phases10k and R.get("fig5_phases"):
        log("  phases (median runs), start / parallel part / rest: "
            + ", ".join(f"{name} {big:.1f}s vs {small:.1f}s = {big / max(small, 1e-6):.1f}×"
                        for name, big, small in zip(("start", "rendering", "tail"), phases10k, R["fig5_phases"])))
    peak = max(r[1] for r in runs10k)
    R["fig5_timeline10k"] = timeline
    R["fig5_cg10k_all"] = [r[0] for r in runs10k]
    R["fig5_cg10k_cores"] = cores
    log(f"  profile of the median run: {timeline}")
    out = os.path.join(base, "out")
    R["fig5_out10k"] = (sum(os.path.getsize(os.path.join(t, n)) for t, _, files in os.walk(out) for n in files) / 2**20,
                        sum(os.path.getsize(os.path.join(t, n)) for t, _, files in os.walk(os.path.join(out, "search")) for n in files) / 2**20)
    log(f"  output: {R['fig5_out10k'][0]:.0f} MB in all, search/ {R['fig5_out10k'][1]:.0f} MB")
    h10, hrss10 = quiet_measure("figure 5 (10k)", meter, lambda: run_hugo(base), tries=2)
    log(f"  hugo {h10:.2f}s (peak RSS {hrss10 / 1024:.0f} MB)")
    R.update(fig5_cg10k=seconds, fig5_rss10k=peak / 1024, fig5_hugo10k=h10, fig5_hugo_rss10k=hrss10 / 1024)
    R["fig5_foreign"] = meter.worst
    report("5c", f"{config.large:,}/{config.small:,} sheets: cheatgen build time (medians of 3)", f"{seconds:.2f}s / {c1:.2f}s = {seconds / c1:.2f}",
           seconds / c1 <= 11, "≤ 11", R)
    report("5d", f"{config.large:,} sheets: cheatgen peak RSS", f"{peak / 1024:.0f} MB", peak / 1024 <= 300, "≤ 300 MB", R)
