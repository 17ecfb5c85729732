"""Unit tests of the pure helpers the figures' numbers rest on (run first by `bench/run --smoke`,
or alone: `cd bench && python3 -m unittest cheatgen_bench.test_pure`)."""
import unittest

from .common import summary_of
from .figure3 import edit_snippet
from .figure11 import shard_names
from .snippets import make_snippets, output_matches, render_sheet
from .timeline import split_phases


class SplitPhases(unittest.TestCase):
    def test_a_run_with_both_cores_busy_in_the_middle_splits_into_three_phases(self):
        # One core busy for 1 s, both for 2 s, one for 1 s; sampled every 0.25 s as rss_timeline does.
        samples, cpu = [(0.0, 10.0, 0.0)], 0.0
        for step in range(1, 17):
            t = step * 0.25
            cpu += 0.25 * (2 if 1.0 < t <= 3.0 else 1)
            samples.append((t, 10.0, cpu))
        start, middle, tail = split_phases(samples, 4.0)
        self.assertAlmostEqual(start, 1.0)
        self.assertAlmostEqual(middle, 2.0)
        self.assertAlmostEqual(tail, 1.0)

    def test_a_run_that_never_keeps_two_cores_busy_has_no_phases(self):
        samples = [(t * 0.25, 10.0, t * 0.25) for t in range(8)]
        self.assertIsNone(split_phases(samples, 2.0))


class GeneratedSheet(unittest.TestCase):
    def test_each_snippet_knows_the_markdown_line_of_its_first_code_line(self):
        # Figure 4 looks for the compiler's error at exactly this line.
        snippets = make_snippets(12)
        lines = render_sheet(snippets).split("\n")
        for snippet in snippets:
            self.assertEqual(lines[snippet.first_code_line - 1], snippet.code.split("\n")[0])
            self.assertTrue(lines[snippet.first_code_line - 2].startswith("```swift"))

    def test_an_edit_changes_the_printed_label_in_the_code_and_the_expected_output_alike(self):
        snippets = make_snippets(12)
        edited = edit_snippet(snippets, 0, "x1")[0]
        self.assertIn('"c2 x1:', edited.code)
        self.assertEqual(edited.output, ["c2 x1: sum of squares 13"])

    def test_unordered_output_matches_in_any_order_and_ordered_output_only_in_its_own(self):
        unordered = next(s for s in make_snippets(12) if s.unordered)
        shuffled = "\n".join(reversed(unordered.output)) + "\n"
        self.assertTrue(output_matches(unordered, shuffled))
        ordered = next(s for s in make_snippets(12) if s.code.startswith("@main"))
        self.assertTrue(output_matches(ordered, "\n".join(ordered.output) + "\n"))
        self.assertFalse(output_matches(ordered, ""))


class CheatgenOutput(unittest.TestCase):
    def test_the_summary_line_is_read_from_either_stream(self):
        self.assertEqual(summary_of("", "cheatgen: snippets: 59 passed, 1 failed, 0 skipped\n"), (59, 1, 0))
        self.assertIsNone(summary_of("no summary here", ""))

    def test_shard_names_lists_every_reported_snippet_whatever_its_status(self):
        text = ("cheatgen: verifying 3 snippets\npassed s0001/card-0 (0.20 s)\nskipped s0001/card-1 (0.00 s)\n"
                "failed s0002/card-3 (1.00 s)\nsnippets: 1 passed, 1 failed, 1 skipped\n")
        self.assertEqual(shard_names(text), ["s0001/card-0", "s0001/card-1", "s0002/card-3"])


if __name__ == "__main__":
    unittest.main()
