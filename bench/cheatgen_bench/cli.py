"""bench/run's command line: which figures to run, then the summary and (on a full run) RESULTS.md."""
import argparse
import os
import shutil
import time
import unittest

from . import test_pure
from .binary import build_cheatgen
from .common import T0, config, log
from .figure1 import figure1
from .figure2 import figure2
from .figure3 import figure3
from .figure4 import figure4
from .figure5 import figure5
from .figure6 import figure6
from .figure7 import figure7
from .figure8 import figure8
from .figure9 import figure9
from .figure10 import figure10
from .figure11 import figure11
from .figure12 import figure12
from .figure15 import figure15
from .report import verdict
from .results import machine, write_results

# The commands a figure needs beyond swift and python3; a smoke run skips a figure without them.
TOOLS = {"5": ["hugo"], "8": ["hugo"], "9": ["node"]}


def missing_tools(number):
    return [tool for tool in TOOLS.get(number, []) if shutil.which(tool) is None]


def main():
    parser = argparse.ArgumentParser(description="cheatgen benchmark (see bench/README.md)")
    parser.add_argument("--only", help="comma-separated figures to run, e.g. 1,3 (default: all)")
    parser.add_argument("--skip-10k", action="store_true", help="skip the 10,000-sheet rendering")
    parser.add_argument("--results", action="store_true", help="write bench/RESULTS.md even for a partial run")
    parser.add_argument("--smoke", action="store_true",
                        help="CI's short form: the debug build, tiny sizes, one run each, no 10k, no waiting; "
                             "fails only when a figure's machinery breaks, never on a target; never writes RESULTS.md")
    args = parser.parse_args()
    if args.smoke and args.results:
        parser.error("--smoke never writes RESULTS.md: its timings are a debug build's at toy sizes")
    if args.smoke:
        config.use_smoke_sizes()
        args.skip_10k = True
        if not unittest.TextTestRunner(verbosity=0).run(unittest.defaultTestLoader.loadTestsFromModule(test_pure)).wasSuccessful():
            return 1
    wanted = set(args.only.split(",")) if args.only else {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "15"}
    os.makedirs(config.work, exist_ok=True)
    info = machine()
    log(f"machine: {info['cpu']}, {info['nproc']} cores, {info['memory']}; {info['swift']}")
    R = {}
    build_cheatgen(R)
    if "0" in wanted and len(wanted) == 1:
        return 0
    if args.smoke:
        for number in sorted(wanted, key=lambda n: (len(n), n)):
            missing = missing_tools(number)
            if missing:
                log(f"smoke run: figure {number} skipped, {' and '.join(missing)} not installed")
                wanted.discard(number)
    for number, figure in (("1", figure1), ("2", figure2), ("3", figure3), ("4", figure4)):
        if number in wanted:
            figure(R)
    if "5" in wanted:
        figure5(R, skip_10k=args.skip_10k)
    if "6" in wanted:
        figure6(R)
    if "7" in wanted:
        figure7(R)
    if "8" in wanted:
        figure8(R)
    if "9" in wanted:
        figure9(R, skip_10k=args.skip_10k)
    if "10" in wanted:
        figure10(R)
    if "11" in wanted:
        figure11(R)
    if "12" in wanted:
        figure12(R)
    if "15" in wanted:
        figure15(R)
    total = time.perf_counter() - T0
    print("\nSummary")
    for key, label, value, passed, target, extra in R.get("figures", []):
        print(f"  [{key}] {verdict(passed)}  {label}: {value} (target {target})")
    log(f"done in {total / 60:.1f} min")
    if args.smoke:
        log("smoke run: every figure's machinery ran; its targets are not judged (a debug build at toy sizes)")
        return 0
    if not args.only or args.results:
        write_results(R, info, total)
    return 0 if all(f[3] is not False for f in R.get("figures", [])) else 1
