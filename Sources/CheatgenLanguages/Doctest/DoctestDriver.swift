import CheatgenModel

/// The Python program that runs one doctest block: the standard library's own `doctest` parses
/// the examples and runs them; its runner's report hooks collect each failing example (where
/// it is, what was expected, what came instead, and what would be written in its place), and
/// the last line on standard output carries them to cheatgen as JSON after a marker.
///
/// `python3 -X utf8 DRIVER SETUP.py BLOCK.txt NAME`: `SETUP.py` (what `uses=` brings) runs
/// first in the block's namespace, a fresh one per block; `NAME` names the examples in
/// tracebacks (`<doctest NAME[2]>`).
enum DoctestDriver {
    /// What precedes the record on its line; nothing a doctest prints starts so.
    static let marker = "\u{1E}cheatgen-doctest "

    /// Part of every doctest verdict's key: a new driver verifies again.
    static let digest = Hashing.key([source])

    static let source = #"""
import doctest
import json
import re
import sys
import traceback

MARKER = "\x1echeatgen-doctest "
HEADER = "Traceback (most recent call last):\n"


class Checker(doctest.OutputChecker):
    """doctest's comparison, remembering the first pair it compared for an example: for an
    example that raised, the expected exception and the one that was raised."""

    compared = None

    def check_output(self, want, got, optionflags):
        if self.compared is None:
            self.compared = (want, got)
        return super().check_output(want, got, optionflags)


class Runner(doctest.DocTestRunner):
    """Collects failing examples instead of printing them."""

    def __init__(self):
        self.checker = Checker()
        super().__init__(checker=self.checker, verbose=False)
        self.found = []

    def report_start(self, out, test, example):
        self.checker.compared = None

    def report_success(self, out, test, example, got):
        pass

    def report_failure(self, out, test, example, got):
        compared = self.checker.compared
        if example.exc_msg is not None and compared is not None and compared[0] == example.exc_msg:
            message = compared[1]
            self.record(example, got=HEADER + "  ...\n" + message, raised=summary(message))
        else:
            self.record(example, got=got)

    def report_unexpected_exception(self, out, test, example, exc_info):
        kind, value, tb = exc_info
        lines = traceback.format_exception_only(kind, value)
        if issubclass(kind, SyntaxError):
            # As doctest compares them: from the line naming the class on.
            prefixes = (kind.__qualname__ + ":", kind.__module__ + "." + kind.__qualname__ + ":")
            lines = lines[next((i for i, line in enumerate(lines) if line.startswith(prefixes)), 0):]
        message = "".join(lines)
        # The first frame is doctest's own call of exec().
        shown = "".join(traceback.format_exception(kind, value, tb.tb_next if tb else None))
        self.record(example, got=HEADER + "  ...\n" + message, raised=summary(message), shown=shown, unexpected=True)

    def record(self, example, got, raised=None, shown=None, unexpected=False):
        self.found.append({
            "line": example.lineno,
            "indent": example.indent,
            "source": example.source,
            "want": example.want,
            "got": got,
            "written": written(got),
            "raised": raised,
            "traceback": shown,
            "unexpected": unexpected,
        })


def summary(message):
    lines = [line for line in message.splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def written(got):
    """The expected output that would match `got`, as it is written in a doctest."""
    return "".join("<BLANKLINE>\n" if not line.strip() else line + "\n" for line in got.splitlines())


def report(record):
    sys.stdout.flush()
    sys.__stdout__.write(MARKER + json.dumps(record) + "\n")
    sys.__stdout__.flush()


def main():
    setup_path, block_path, name = sys.argv[1:4]
    namespace = {"__name__": "__main__"}
    with open(setup_path, encoding="utf-8") as file:
        setup = file.read()
    try:
        exec(compile(setup, setup_path, "exec"), namespace)
    except BaseException as error:
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)
        sys.exit(1)
    with open(block_path, encoding="utf-8") as file:
        block = file.read()
    try:
        test = doctest.DocTestParser().get_doctest(block, namespace, name, block_path, 0)
    except ValueError as problem:
        found = re.match(r"line (\d+) of the (?:docstring|doctest) for \S+ (.*)", str(problem), re.S)
        # doctest counts from 1, except in this one message, which counts from 0.
        base = 0 if found and "option directive on a line with no example" in found.group(2) else 1
        report({"malformed": {"line": int(found.group(1)) - base if found else 0,
                              "message": found.group(2) if found else str(problem)}})
        return
    runner = Runner()
    runner.run(test, out=lambda text: None, clear_globs=False)
    report({"examples": [example.lineno for example in test.examples], "failures": runner.found})


main()
"""#
}
