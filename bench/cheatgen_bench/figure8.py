"""Figure 8: material nobody here wrote (the devhints corpus), cheatgen build vs Hugo."""
import os
import shutil

from .common import ROOT, config, fresh_dir, log, median, write
from .processes import Foreign, quiet_measure
from .render_corpus import HUGO_LAYOUTS, count_pages, run_cheatgen_build, run_hugo
from .report import report


# The corpus sits next to the repository; a worktree elsewhere names it with BENCH_DEVHINTS.
CORPUS = os.environ.get("BENCH_DEVHINTS") or os.path.join(os.path.dirname(ROOT), "shared", "corpora", "devhints")


def make_devhints_site():
    """The devhints collection as a writer would point cheatgen at it: every sheet unchanged, shown
    only (`verify: false`), without xpath.md (its link to a missing anchor fails the build, as it is
    broken in the original too). Hugo gets the same files with figure 5's minimal layouts."""
    base = fresh_dir(os.path.join(config.work, "fig8"))
    content = os.path.join(base, "content")
    os.makedirs(content)
    for name in sorted(os.listdir(CORPUS)):
        if name.endswith(".md") and name != "xpath.md":
            shutil.copy(os.path.join(CORPUS, name), content)
    write(os.path.join(base, "cheatgen.yml"), "title: devhints\nverify: false\n")
    hugo = os.path.join(base, "hugo")
    write(os.path.join(hugo, "hugo.toml"),
          f'baseURL = "https://example.org/"\ntitle = "devhints"\ncontentDir = "{content}"\n')
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hugo, "layouts", name), text)
    return base, len(os.listdir(content))


def figure8(R):
    """The devhints corpus: cheatgen's build (tables, Liquid, attribute lists, Pygments for every
    language in one batch) against Hugo building the same sheets, in one run."""
    if not os.path.isdir(CORPUS):
        log(f"Figure 8: skipped, {CORPUS} is not here")
        return
    base, count = make_devhints_site()
    log(f"Figure 8: the devhints corpus, {count} sheets: cheatgen build vs hugo")
    meter = Foreign()
    cg, warm, hg = [], [], []
    for rep in range(config.reps(3)):
        seconds, _, output = quiet_measure("figure 8 (cheatgen)", meter, lambda: run_cheatgen_build(base))
        cg.append(seconds)
        # The same sheets built again: what a writer waits for under `serve`, or CI with .cheatgen/ restored.
        again, _, _ = quiet_measure("figure 8 (cheatgen, warm)", meter, lambda: run_cheatgen_build(base, warm=True))
        warm.append(again)
        h, _ = quiet_measure("figure 8 (hugo)", meter, lambda: run_hugo(base))
        hg.append(h)
        log(f"  rep {rep + 1}: cheatgen build {seconds:.2f}s, again {again:.2f}s, hugo {h:.2f}s")
    pages = count_pages(os.path.join(base, "out"))
    tables = sum(open(os.path.join(base, "out", f), encoding="utf-8").read().count("<table")
                 for f in os.listdir(os.path.join(base, "out")) if f.endswith(".html"))
    c, w, h = median(cg), median(warm), median(hg)
    R.update(fig8_cg=c, fig8_warm=w, fig8_hugo=h, fig8_pages=pages, fig8_tables=tables)
    report("8", f"devhints corpus ({count} sheets, {tables} tables): cheatgen build / hugo",
           f"{c:.2f}s / {h:.2f}s = {c / h:.2f}", c / h <= 1.5, "≤ 1.5 (issue 30)", R,
           extra=f"{pages} HTML files written")
    report("8b", "devhints corpus built again, unchanged (.cheatgen/ kept) / hugo",
           f"{w:.2f}s / {h:.2f}s = {w / h:.2f}", w / h <= 1.5, "≤ 1.5", R)
