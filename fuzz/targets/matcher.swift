// libFuzzer target over the output matcher and the diff shown when it fails: the input is
// split at its first NUL byte into an `output` block and what a snippet printed.
// Built and run by fuzz/run.
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite
@testable import CheatgenCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: 0) ?? size
    let expected = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<split]), as: UTF8.self)
    let actual = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(split + 1, size)...]), as: UTF8.self)
    let (want, got) = (OutputMatcher.normalizedLines(expected), OutputMatcher.normalizedLines(actual))
    for unordered in [false, true] {
        let matched = OutputMatcher.matches(expected: expected, actual: actual, unordered: unordered)
        if !matched {
            _ = unordered ? OutputDifference.unordered(expected: want, actual: got) : OutputDifference.inOrder(expected: want, actual: got)
            _ = UnifiedDiff.make(expected: want, actual: got)
        }
        // Properties any matcher must keep: text matches itself, and without wildcards in
        // order, matching is equality of the normalised lines.
        if !OutputMatcher.matches(expected: actual, actual: actual, unordered: unordered)
            && !OutputMatcher.normalizedLines(actual).contains(OutputMatcher.wildcard) {
            fatalError("output does not match itself")
        }
        if !unordered, !OutputMatcher.normalizedLines(expected).contains(OutputMatcher.wildcard),
           matched != (OutputMatcher.normalizedLines(expected) == OutputMatcher.normalizedLines(actual)) {
            fatalError("in-order match without wildcards is not line equality")
        }
    }
    return 0
}
