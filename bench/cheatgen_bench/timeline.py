"""Reading a build's RSS/CPU timeline (samples from processes.rss_timeline): phases and a profile."""


def split_phases(samples, seconds):
    """(start, middle, tail) seconds: before the first and after the last sample interval in which the
    process kept more than 1.3 cores busy — for cheatgen build: start-up and reading the files, the
    parallel part (parsing the sheets, then rendering the pages), and what is left (single-core
    steps between and after them: cross-references, verdicts, the index page, the swap into place)."""
    rates = [(samples[i][0], (samples[i][2] - samples[i - 1][2]) / max(samples[i][0] - samples[i - 1][0], 1e-6))
             for i in range(1, len(samples))]
    parallel = [t for t, rate in rates if rate > 1.3]
    if not parallel:
        return None
    start, end = parallel[0] - 0.25, parallel[-1]
    return max(start, 0.0), end - max(start, 0.0), seconds - end


def describe_timeline(samples, seconds):
    """Per tenth of the run: RSS at its end and cores busy (CPU seconds / wall seconds), from
    (t, MiB, CPU s) samples — a profile by phase without a profiler."""
    if len(samples) < 2:
        return "no samples"
    parts, previous = [], (0.0, 0.0, 0.0)
    for tenth in range(1, 11):
        inside = [p for p in samples if p[0] <= tenth * seconds / 10]
        if not inside:
            continue
        last = inside[-1]
        if last[0] - previous[0] > 0:
            parts.append(f"{last[1]:.0f} MB/{(last[2] - previous[2]) / (last[0] - previous[0]):.1f}")
        previous = last
    peak = max(samples, key=lambda p: p[1])
    return (f"by tenths of the run, RSS at its end / cores busy: {', '.join(parts)}; highest RSS sample "
            f"{peak[1]:.0f} MB at {peak[0] / seconds:.0%} of the run")
