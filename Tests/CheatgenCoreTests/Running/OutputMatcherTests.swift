import Testing
@testable import CheatgenVerification

@Suite("Comparing output")
struct OutputMatcherTests {
    private func matches(_ expected: String, _ actual: String, unordered: Bool = false) -> Bool {
        OutputMatcher.matches(expected: expected, actual: actual, unordered: unordered)
    }

    @Test func identicalOutputMatches() {
        #expect(matches("a\nb\n", "a\nb\n"))
        #expect(matches("", ""))
    }

    @Test func trailingSpacesTabsAndBlankLinesAreIgnored() {
        #expect(matches("a\nb", "a  \nb\t\n\n\n"))
        #expect(matches("a   \n\n", "a"))
        #expect(matches("", "\n\n  \n"))
    }

    @Test func carriageReturnsBeforeNewlinesAreIgnored() {
        // A snippet that prints "\r\n" line ends (HTTP headers, CSV) has the same lines.
        #expect(matches("a\n", "a\r"), "a trailing CR is trimmed like a space")
        #expect(OutputMatcher.normalizedLines("a\r\nb\r\n") == ["a", "b"])
        #expect(matches("a\nb\n", "a\r\nb\r\n"))
    }

    @Test func everythingElseMatters() {
        #expect(!matches("a", " a"), "leading spaces")
        #expect(!matches("a\n\nb", "a\nb"), "a blank line in the middle")
        #expect(!matches("a\nb", "b\na"), "order")
        #expect(!matches("a\nb", "a"), "a missing line")
        #expect(!matches("a", "a\nb"), "an extra line")
        #expect(!matches("A", "a"), "case")
        #expect(!matches("", "a"), "empty expectation, some output")
    }

    @Test func wildcardAtTheStart() {
        #expect(matches("...\nlast", "x\ny\nlast"))
        #expect(matches("...\nlast", "last"), "zero lines")
        #expect(!matches("...\nlast", "x\nnot last"))
        #expect(!matches("...\nlast", "last\nafter"))
    }

    @Test func wildcardInTheMiddle() {
        #expect(matches("first\n...\nlast", "first\nlast"))
        #expect(matches("first\n...\nlast", "first\na\nb\nc\nlast"))
        #expect(!matches("first\n...\nlast", "first\na"))
        #expect(!matches("first\n...\nlast", "a\nfirst\nlast"))
    }

    @Test func wildcardAtTheEnd() {
        #expect(matches("first\n...", "first\nanything\nmore"))
        #expect(matches("first\n...", "first"))
        #expect(!matches("first\n...", "other\nfirst"))
    }

    @Test func wildcardMatchingNeedsToBacktrack() {
        // The first "a" the wildcard could stop at is the wrong one.
        #expect(matches("...\na\nb", "a\na\nb"))
        #expect(matches("x\n...\na\n...\nb", "x\na\nc\na\nd\nb"))
        #expect(!matches("...\na\nb", "a\nb\na"))
    }

    @Test func onlyAWholeLineOfDotsIsAWildcard() {
        #expect(!matches("a...", "abc"))
        #expect(!matches("....", "anything"))
        #expect(matches("...   ", "anything"), "trailing spaces do not count on the expected side either")
        #expect(matches("a...", "a..."))
    }

    @Test func manyWildcardsStayFast() {
        let expected = Array(repeating: "...", count: 200).joined(separator: "\n") + "\nend"
        let actual = Array(repeating: "x", count: 5_000).joined(separator: "\n") + "\nnot end"
        #expect(!matches(expected, actual))
    }

    @Test func unorderedComparesAMultiset() {
        #expect(matches("b\na\na", "a\nb\na", unordered: true))
        #expect(!matches("b\na\na", "a\nb", unordered: true), "one 'a' short")
        #expect(!matches("b\na", "a\nb\na", unordered: true), "one 'a' too many")
        #expect(!matches("a\nb", "a\nc", unordered: true))
        #expect(matches("b  \na\n\n", "a\nb", unordered: true), "trailing whitespace still ignored")
    }

    @Test func unorderedWithAWildcardAllowsExtraLines() {
        #expect(matches("b\n...", "x\nb\ny", unordered: true))
        #expect(!matches("b\n...", "x\ny", unordered: true))
    }

    @Test func normalizedLines() {
        #expect(OutputMatcher.normalizedLines("a  \nb\t\n\n") == ["a", "b"])
        #expect(OutputMatcher.normalizedLines("") == [])
        #expect(OutputMatcher.normalizedLines("\n\na") == ["", "", "a"])
    }
}

@Suite("Unified diffs of wrong output")
struct UnifiedDiffTests {
    @Test func oneChangedLine() {
        #expect(UnifiedDiff.make(expected: ["a", "b", "c"], actual: ["a", "x", "c"]) == [
            "--- expected",
            "+++ actual",
            "@@ -1,3 +1,3 @@",
            " a",
            "-b",
            "+x",
            " c",
        ])
    }

    @Test func contextIsThreeLines() {
        let expected = (1...10).map(String.init)
        var actual = expected
        actual[4] = "five"
        #expect(UnifiedDiff.make(expected: expected, actual: actual) == [
            "--- expected", "+++ actual",
            "@@ -2,7 +2,7 @@",
            " 2", " 3", " 4", "-5", "+five", " 6", " 7", " 8",
        ])
    }

    @Test func distantChangesGetSeparateHunks() {
        let expected = ["x", "1", "2", "3", "4", "5", "6", "7", "y"]
        let actual = ["X", "1", "2", "3", "4", "5", "6", "7", "Y"]
        #expect(UnifiedDiff.make(expected: expected, actual: actual) == [
            "--- expected", "+++ actual",
            "@@ -1,4 +1,4 @@", "-x", "+X", " 1", " 2", " 3",
            "@@ -6,4 +6,4 @@", " 5", " 6", " 7", "-y", "+Y",
        ])
    }

    @Test func changesWhoseContextsTouchShareOneHunkAsInDiffU() {
        // `diff -u` prints one hunk when exactly 2×3 unchanged lines separate two changes.
        let expected = ["x", "1", "2", "3", "4", "5", "6", "y"]
        let actual = ["X", "1", "2", "3", "4", "5", "6", "Y"]
        let diff = UnifiedDiff.make(expected: expected, actual: actual)
        #expect(diff == [
            "--- expected", "+++ actual",
            "@@ -1,8 +1,8 @@", "-x", "+X", " 1", " 2", " 3", " 4", " 5", " 6", "-y", "+Y",
        ])
        // Whatever the hunks, every line of both sides is shown once.
        #expect(diff.filter { $0.hasPrefix(" ") }.count == 6)
    }

    @Test func missingAndExtraLines() {
        #expect(UnifiedDiff.make(expected: ["a", "b"], actual: ["a", "b", "c"]) == [
            "--- expected", "+++ actual", "@@ -1,2 +1,3 @@", " a", " b", "+c",
        ])
        #expect(UnifiedDiff.make(expected: ["a", "b", "c"], actual: ["a", "c"]) == [
            "--- expected", "+++ actual", "@@ -1,3 +1,2 @@", " a", "-b", " c",
        ])
    }

    @Test func nothingPrinted() {
        #expect(UnifiedDiff.make(expected: ["hello"], actual: []) == [
            "--- expected", "+++ actual", "@@ -1,1 +0,0 @@", "-hello",
        ])
        #expect(UnifiedDiff.make(expected: [], actual: ["x"]) == [
            "--- expected", "+++ actual", "@@ -0,0 +1,1 @@", "+x",
        ])
    }

    @Test func equalTextsHaveNoHunks() {
        #expect(UnifiedDiff.make(expected: ["a", "b"], actual: ["a", "b"]) == ["--- expected", "+++ actual"])
    }
}
