"""The per-module floor: what cheatgen does, with nothing around it (figures 1 and 3)."""
import concurrent.futures as futures
import os
import shlex
import subprocess
import time

from .common import JOBS, fresh_dir
from .snippets import Snippet, effective_source, output_matches


def compile_args(snippet, source, obj):
    args = ["swiftc", "-c", source, "-o", obj, "-module-name", f"S_{snippet.symbol}", "-swift-version", "6", "-Onone",
            "-diagnostic-style", "llvm", "-Xfrontend", "-entry-point-function-name", "-Xfrontend", f"cheatgen_main_{snippet.symbol}"]
    if snippet.is_library:
        args.append("-parse-as-library")
    return args


def dispatcher_source(snippets):
    text = ["#if canImport(Glibc)", "import Glibc", "#endif",
            "typealias Argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>"]
    for s in snippets:
        text.append(f'@_silgen_name("cheatgen_main_{s.symbol}") func cheatgen_main_{s.symbol}(_ argc: Int32, _ argv: Argv) -> Int32')
    text.append("func dispatch(_ name: String, _ argc: Int32, _ argv: Argv) -> Int32 {\n    switch name {")
    for s in snippets:
        text.append(f'    case "{s.symbol}": return cheatgen_main_{s.symbol}(argc, argv)')
    text.append('    default: return 64\n    }\n}')
    text.append("guard CommandLine.argc > 1, let name = CommandLine.unsafeArgv[1] else { exit(64) }")
    text.append("exit(dispatch(String(cString: name), CommandLine.argc - 1, CommandLine.unsafeArgv + 1))")
    return "\n".join(text) + "\n"


def link_args(dispatcher, objects, binary):
    return ["swiftc", dispatcher, "-swift-version", "5", "-Onone", "-module-name", "CheatgenRunner", "-o", binary] + objects


PLACEHOLDER = "benchplaceholder"


def frontend_templates(directory):
    """The swift-frontend job the driver would run for a top-level and for an @main snippet, asked
    once with placeholder names (`swiftc -###`), so each compile can skip the driver."""
    templates = {}
    for library in (False, True):
        probe = Snippet(0, 0, "@main" if library else "", [], False)
        args = compile_args(probe, f"{PLACEHOLDER}.swift", f"{PLACEHOLDER}.o")
        args = [a.replace("bench60__card_0", PLACEHOLDER) for a in args] + ["-###"]
        jobs = subprocess.run(args, cwd=directory, capture_output=True, text=True, check=True).stdout.strip().split("\n")
        if len(jobs) != 1:
            raise SystemExit(f"expected one frontend job from swiftc -###, got: {jobs}")
        templates[library] = shlex.split(jobs[0])
    return templates


def frontend_args(template, snippet, source, obj):
    return [a.replace(f"{PLACEHOLDER}.swift", source).replace(f"{PLACEHOLDER}.o", obj).replace(PLACEHOLDER, snippet.symbol)
            for a in template]


def run_floor(snippets, md_name, directory, driver=False):
    """Compile each snippet as its own module (2 at a time), link once, run each (2 at a time).
    The compiles run swift-frontend directly (the job `swiftc -###` names, asked once per kind),
    as cheatgen does; with driver=True each goes through `swiftc -c` instead.
    Returns (seconds, phase seconds)."""
    fresh_dir(directory)
    started = time.perf_counter()
    templates = None if driver else frontend_templates(directory)
    sources = {}
    for s in snippets:
        sources[s.symbol] = os.path.join(directory, f"{s.symbol}.swift")
        with open(sources[s.symbol], "w") as handle:
            handle.write(effective_source(s, md_name))

    def compile_one(s):
        obj = os.path.join(directory, f"{s.symbol}.o")
        args = (compile_args(s, sources[s.symbol], obj) if driver
                else frontend_args(templates[s.is_library], s, sources[s.symbol], obj))
        result = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"floor: {s.symbol} does not compile:\n{result.stderr}")
        return obj

    with futures.ThreadPoolExecutor(JOBS) as pool:
        objects = list(pool.map(compile_one, snippets))
    compiled = time.perf_counter()
    dispatcher = os.path.join(directory, "dispatcher.swift")
    with open(dispatcher, "w") as handle:
        handle.write(dispatcher_source(snippets))
    binary = os.path.join(directory, "runner")
    result = subprocess.run(link_args(dispatcher, objects, binary), stdin=subprocess.DEVNULL, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"floor: link failed:\n{result.stderr}")
    linked = time.perf_counter()

    def run_one(s):
        result = subprocess.run([binary, s.symbol], stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        return s, result

    with futures.ThreadPoolExecutor(JOBS) as pool:
        runs = list(pool.map(run_one, snippets))
    finished = time.perf_counter()
    for s, result in runs:
        if result.returncode != 0 or not output_matches(s, result.stdout):
            raise SystemExit(f"floor: {s.symbol} printed {result.stdout!r} (exit {result.returncode}), expected {s.output!r}")
    return finished - started, {"compile": compiled - started, "link": linked - compiled, "run": finished - linked}
