"""Figure 4: one broken snippet fails the check, at its Markdown line."""
import os

from .binary import cheatgen_check
from .common import JOBS, config, fresh_dir, log, summary_of, write
from .report import report
from .snippets import Snippet, make_snippets, render_sheet


def figure4(R):
    log("Figure 4: one snippet with a type error")
    base = fresh_dir(os.path.join(config.work, "fig4"))
    snippets = R.get("fig1_snippets") or make_snippets()
    index = 11 % len(snippets)
    broken = list(snippets)
    s = snippets[index]
    broken[index] = Snippet(s.k, s.card, 'let count: Int = "twelve"\n' + s.code, s.output, s.unordered)
    write(os.path.join(base, "bench60.md"), render_sheet(broken))
    seconds, code, out, err, _ = cheatgen_check(base, ["bench60.md"], "--jobs", str(JOBS), check=False)
    summary = summary_of(out, err)
    where = f"bench60.md:{broken[index].first_code_line}:"
    located = any(line.startswith(where) and "error:" in line for line in (out + err).split("\n"))
    ok = code != 0 and summary == (len(snippets) - 1, 1, 0)
    log(f"  exit {code}, summary {summary}, error at {where}: {'yes' if located else 'NO'} ({seconds:.1f}s, cold)")
    R.update(fig4_exit=code, fig4_summary=summary, fig4_located=located)
    report("4", f"one type error: exit ≠ 0 and '{len(snippets) - 1} passed, 1 failed'",
           f"exit {code}, {summary[0]} passed, {summary[1]} failed" if summary else f"exit {code}, no summary line",
           ok, f"exit ≠ 0, {len(snippets) - 1}/1", R, extra=f"error reported at {where}{'' if located else ' — MISSING'}")
    if config.smoke and not (ok and located):
        raise SystemExit("figure 4: the broken snippet was not reported as it should be (see above)")
