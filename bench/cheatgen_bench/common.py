"""What every figure shares: where things are, the run's sizes, logging and small file helpers."""
import os
import re
import shutil
import statistics
import time

BENCH = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(BENCH)
SCRATCH = ".build-release"
JOBS = 2

T0 = time.perf_counter()


class Config:
    """The binary measured and the sizes measured at. A full run keeps the defaults; `--smoke`
    (CI) shrinks every size so each figure's machinery runs once, quickly, on the debug build."""

    def __init__(self):
        self.cheatgen = os.path.join(ROOT, SCRATCH, "release", "cheatgen")
        self.work = os.path.join(BENCH, ".work")
        self.smoke = False
        self.snippets = 60             # the generated concurrency sheet (figures 1, 3, 4, 6, 10)
        self.small = int(os.environ.get("BENCH_SHEETS", 1000))   # figure 5's and 9's corpora
        self.large = self.small * 10
        self.python_runs = 30          # figure 10's Python snippets
        self.synthetic_snippets = 10_000   # figure 11's generated repository
        self.content_paths = ["content"]   # what figures 2, 7 and 11 check of their copy of content/

    def use_smoke_sizes(self):
        self.smoke = True
        self.work = os.path.join(BENCH, ".work", "smoke-run")
        self.snippets = 12             # one of each template
        self.small = 20
        self.python_runs = 5
        self.synthetic_snippets = 200
        self.content_paths = ["content/swift-async-sequences.md"]   # 13 snippets; its links resolve next to it

    def reps(self, count):
        """How many times to repeat a measurement: `count`, or once in a smoke run."""
        return 1 if self.smoke else count


config = Config()


def log(message):
    print(f"[{time.perf_counter() - T0:7.1f}s] {message}", flush=True)


def median(values):
    return statistics.median(values)


def fresh_dir(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


def copy_content(destination):
    """The repository's content/ into destination/content, with cheatgen.yml next to it."""
    shutil.copytree(os.path.join(ROOT, "content"), os.path.join(destination, "content"))
    if os.path.exists(os.path.join(ROOT, "cheatgen.yml")):
        shutil.copy(os.path.join(ROOT, "cheatgen.yml"), destination)


SUMMARY = re.compile(r"snippets: (\d+) passed, (\d+) failed, (\d+) skipped")


def summary_of(stdout, stderr):
    match = SUMMARY.search(stdout + stderr)
    return tuple(int(x) for x in match.groups()) if match else None
