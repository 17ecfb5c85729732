"""Figure 11: shard balance, from recorded durations, over 4 CI shards."""
import os
import shutil

from .binary import cheatgen_check
from .common import JOBS, config, copy_content, fresh_dir, log, write
from .processes import timed, wait_for_quiet
from .report import report

SHARDS = 4


def shard_names(result_text):
    """The snippet names a `check --verbose` run reported (passed, failed or skipped)."""
    names = []
    for line in result_text.splitlines():
        for status in ("passed", "failed", "skipped"):
            if line.startswith(status + " ") and line.endswith(")"):
                names.append(line[len(status) + 1:].rsplit(" (", 1)[0])
    return names


def figure11(R):
    """How the work of a 10,000-snippet repository divides over 4 CI shards (`--shard K/4`)."""
    import json
    import random
    log(f"Figure 11: shard balance over {SHARDS} shards")
    base = fresh_dir(os.path.join(config.work, "fig11"))
    real = os.path.join(base, "real")
    copy_content(real)
    # Recorded durations: a cold check of content/ writes each snippet's to .cheatgen/durations.json.
    wait_for_quiet("figure 11 (cold)", limit=120)
    full, code, out, err, _ = cheatgen_check(real, config.content_paths, "--jobs", str(JOBS), check=False)
    with open(os.path.join(real, ".cheatgen", "durations.json")) as handle:
        recorded = json.load(handle)
    log(f"  cold check of content/: {full:.2f}s, {len(recorded)} durations recorded (sum {sum(recorded.values()):.1f}s)")

    # (b) content/ for real: each shard on a fresh "machine" that has only the recorded durations.
    shard_seconds = []
    for k in range(1, SHARDS + 1):
        machine = fresh_dir(os.path.join(base, f"machine{k}"))
        shutil.copytree(os.path.join(real, "content"), os.path.join(machine, "content"))
        os.makedirs(os.path.join(machine, ".cheatgen"))
        shutil.copy(os.path.join(real, ".cheatgen", "durations.json"), os.path.join(machine, ".cheatgen"))
        wait_for_quiet(f"figure 11 (shard {k})", limit=60, quiet=True)
        seconds, _, _, _, _ = cheatgen_check(machine, [*config.content_paths, "--shard", f"{k}/{SHARDS}"], "--jobs", str(JOBS), check=False)
        shard_seconds.append(seconds)
    log(f"  content/ shards: {', '.join(f'{t:.2f}' for t in shard_seconds)} s against {full / SHARDS:.2f}s (a quarter of the full run)")

    # (a) 10,000 snippets: durations drawn from the ones content/ recorded (not measured: compiling
    # 10,000 snippets would take hours here); the split is cheatgen's own, from the real binary.
    synthetic = os.path.join(base, "synthetic")
    os.makedirs(os.path.join(synthetic, "content"))
    os.makedirs(os.path.join(synthetic, ".cheatgen"))
    draw = random.Random(16)
    pool = sorted(recorded.values())
    durations = {}
    per_sheet = 20
    for sheet in range(config.synthetic_snippets // per_sheet):
        cards = []
        for card in range(per_sheet):
            cards.append(f"### Card {card}\n\n```swift ignore\nprint({card})\n```\n")
            durations[f"s{sheet:04d}/card-{card}"] = draw.choice(pool)
        write(os.path.join(synthetic, "content", f"s{sheet:04d}.md"), f"---\ntitle: S{sheet}\n---\n\n## Cards\n\n" + "\n".join(cards))
    with open(os.path.join(synthetic, ".cheatgen", "durations.json"), "w") as handle:
        json.dump(durations, handle)
    loads, seen = [], set()
    for k in range(1, SHARDS + 1):
        _, code, out, err, _ = timed([config.cheatgen, "check", "content", "--shard", f"{k}/{SHARDS}", "--verbose"], cwd=synthetic, check=False)
        names = shard_names(err)
        missing = [n for n in names if n not in durations]
        if code != 0 or missing or not names:
            raise SystemExit(f"figure 11: shard {k} of the synthetic repository did not run as expected "
                             f"(exit {code}, {len(names)} snippets, unknown {missing[:3]}): {err[-1500:]}")
        seen.update(names)
        loads.append(sum(durations[n] for n in names))
    if len(seen) != len(durations):
        raise SystemExit(f"figure 11: the shards covered {len(seen)} of {len(durations)} snippets")
    whole = sum(durations.values())
    ratio = max(loads) / (whole / SHARDS)
    real_ratio = max(shard_seconds) / (full / SHARDS)
    R.update(fig11_ratio=ratio, fig11_loads=loads, fig11_whole=whole, fig11_real=real_ratio, fig11_shards=shard_seconds,
             fig11_full=full, fig11_recorded=len(recorded))
    report("11", f"{config.synthetic_snippets:,} snippets over {SHARDS} shards: slowest shard ÷ a quarter of the whole "
                f"(durations drawn from content/'s {len(recorded)} recorded ones)",
           f"{max(loads):.1f}s / {whole / SHARDS:.1f}s = {ratio:.4f}", ratio <= 1.05, "≤ 1.05", R,
           extra=f"content/ for real, 4 cold shards: slowest {max(shard_seconds):.2f}s ÷ ({full:.2f}s / 4) = {real_ratio:.2f}")
