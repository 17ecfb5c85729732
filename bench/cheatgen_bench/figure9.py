"""Figure 9: search at scale: what one query loads, and what the index costs a build."""
import json
import os
import subprocess

from .common import BENCH, config, log, median
from .processes import Foreign, quiet_measure
from .render_corpus import WORDS, make_render_corpus, run_cheatgen_build
from .report import report


def search_query(site, query):
    result = subprocess.run(["node", os.path.join(BENCH, "search-query.js"), site, query], capture_output=True, text=True,
                            timeout=300)
    if result.returncode != 0:
        raise SystemExit(f"search-query.js failed on {site}: {result.stderr[-2000:]}")
    return json.loads(result.stdout)


def figure9(R, skip_10k=False):
    """The split search index: what one query loads, the largest index file, and what the
    index costs a build (the same build with CHEATGEN_SEARCH_INDEX=off)."""
    log("Figure 9: search data a one-word query loads, and the index's share of the build")
    meter = Foreign()
    sizes = [config.small] + ([] if skip_10k else [config.large])
    for count in sizes:
        base = make_render_corpus(count)
        out = os.path.join(base, "out")
        reps = config.reps(3) if count == config.small else 1
        with_index, without = [], []
        for rep in range(reps):
            seconds, _, _ = quiet_measure("figure 9", meter, lambda: run_cheatgen_build(base), tries=2)
            with_index.append(seconds)
            off = dict(os.environ, CHEATGEN_SEARCH_INDEX="off")
            seconds, _, _ = quiet_measure("figure 9", meter, lambda: run_cheatgen_build(base, env=off), tries=2)
            without.append(seconds)
            log(f"  {count:,} sheets, rep {rep + 1}: build {with_index[-1]:.2f}s with the index, {without[-1]:.2f}s without")
        run_cheatgen_build(base)    # leave the site with its index for the queries
        index = os.path.join(out, "search")
        files = [os.path.join(t, n) for t, _, names in os.walk(index) for n in names]
        total, largest = sum(map(os.path.getsize, files)), max(files, key=os.path.getsize)
        # A word on every sheet's title (the most fragments a query can load) and a card's own identifier.
        queries = [search_query(out, q) for q in ("patterns", f"{WORDS[3].title()}7", f"{WORDS[0]} {WORDS[3]}")]
        worst = max(queries, key=lambda q: q["bytes"])
        for q in queries:
            log(f"  {count:,} sheets: query {q['query']!r}: {len(q['results'])} results, {len(q['files'])} files, "
                f"{q['bytes'] / 1024:.0f} KB")
        cost, share = median(with_index) - median(without), (median(with_index) - median(without)) / median(with_index)
        R[f"fig9_{count}"] = dict(total=total / 2**20, files=len(files), largest=os.path.getsize(largest) / 1024,
                                  largest_name=os.path.relpath(largest, out), worst=worst, cost=cost, share=share,
                                  with_index=with_index, without=without)
        report(f"9{'a' if count == config.small else 'b'}", f"{count:,} sheets: search data one query loads (worst of {len(queries)} queries)",
               f"{worst['bytes'] / 1024:.0f} KB in {len(worst['files'])} files ({worst['query']!r})",
               worst["bytes"] <= 1024 * 1024, "≤ 1 MB", R,
               extra=f"largest index file {os.path.getsize(largest) / 1024:.0f} KB; index {total / 2**20:.1f} MB in {len(files):,} files")
        report(f"9{'c' if count == config.small else 'd'}", f"{count:,} sheets: build time the index costs"
               + (" (medians of 3)" if reps > 1 else " (one run each)"),
               f"{cost:+.2f}s of {median(with_index):.2f}s ({share:+.0%})", None, "info", R)
