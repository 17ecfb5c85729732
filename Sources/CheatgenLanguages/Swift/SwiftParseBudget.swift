/// Whether swift-syntax can be trusted to parse a piece of code quickly, decided by a linear
/// scan before the parser sees it.
///
/// swift-syntax's lookahead is exponential in nested `[`: a one-character typo such as
/// `side[[[[[[[[[[[[[[ * side` keeps a core busy for seconds, doubling with each extra `[`
/// (measured in a debug build: 10 open `[` 0.27 s, 14 1.2 s, 20 in `a[[[…` 10 s; 20 *closed*
/// ones, `[[[…1…]]]`, 85 s), while any depth of `(` or `{` parses in milliseconds. A time
/// limit on another thread would leave that core burning, and the parser cannot be cancelled,
/// so cheatgen never starts such a parse: the block is shown plain, with a warning at its
/// fence, and its `uses=` declarations are taken whole. Real code stays far below the limits
/// (an array of dictionaries of arrays nests three `[`).
enum SwiftParseBudget {
    /// The deepest nesting of `[` — arrays, subscripts, collection types, counted through any
    /// brackets and string interpolations between them — that is parsed (8: 0.09 s at worst).
    static let maximumSquareDepth = 8
    /// Parsing and classifying is linear, but not cheap: a 100 KiB expression on one line takes
    /// three seconds in a debug build. Code longer than this, or with a line longer than
    /// `maximumLineBytes` (no one writes such a line; a generator or a paste does), is not
    /// parsed either. A 10,000-line snippet of ordinary code (107 KiB) is.
    static let maximumBytes = 256 << 10
    static let maximumLineBytes = 16 << 10

    /// Why `code` is not parsed, or nil when it may be.
    static func refusal(_ code: String) -> String? {
        let bytes = code.utf8.count
        if bytes > maximumBytes {
            return "it is \(bytes / 1024) KiB long (more than \(maximumBytes / 1024) KiB)"
        }
        var lineNumber = 0
        for line in code.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.count > maximumLineBytes {
                return "its line \(lineNumber) is \(line.count / 1024) KiB long (more than \(maximumLineBytes / 1024) KiB)"
            }
        }
        let depth = deepestSquareNesting(code)
        if depth > maximumSquareDepth {
            return "its '[' brackets nest \(depth) deep (more than \(maximumSquareDepth))"
        }
        return nil
    }

    /// How many `[` are open at once at most in Swift code, outside comments and string
    /// literals but inside their interpolations. Unclosed ones count: a typo leaves them open.
    static func deepestSquareNesting(_ code: String) -> Int {
        var scanner = Scanner(Array(code.utf8))
        scanner.scanCode(untilInterpolationEnds: false)
        return scanner.deepest
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        /// The brackets open where the scan is, innermost last.
        var open: [UInt8] = []
        var squares = 0
        var deepest = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        private func byte(at offset: Int) -> UInt8? {
            index + offset < bytes.count ? bytes[index + offset] : nil
        }

        private mutating func push(_ bracket: UInt8) {
            open.append(bracket)
            if bracket == UInt8(ascii: "[") {
                squares += 1
                deepest = max(deepest, squares)
            }
        }

        /// Closes the innermost `opener` above `base` with everything opened after it; a
        /// closing bracket that matches nothing open is a stray and changes nothing.
        private mutating func close(_ opener: UInt8, above base: Int) {
            guard let at = open[base...].lastIndex(of: opener) else { return }
            squares -= open[at...].filter { $0 == UInt8(ascii: "[") }.count
            open.removeSubrange(at...)
        }

        /// Code up to the end, or up to the `)` that closes the interpolation it is in.
        mutating func scanCode(untilInterpolationEnds: Bool) {
            let base = open.count
            while index < bytes.count {
                let c = bytes[index]
                switch c {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                    push(c)
                    index += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                    index += 1
                    let opener = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : c == UInt8(ascii: "]") ? UInt8(ascii: "[") : UInt8(ascii: "{")
                    if untilInterpolationEnds && c == UInt8(ascii: ")") && !open[base...].contains(opener) {
                        // The interpolation's own `)`: whatever it left open closes with it.
                        close(UInt8(ascii: "("), above: base - 1)
                        return
                    }
                    close(opener, above: base)
                case UInt8(ascii: "/") where byte(at: 1) == UInt8(ascii: "/"):
                    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
                case UInt8(ascii: "/") where byte(at: 1) == UInt8(ascii: "*"):
                    skipBlockComment()
                case UInt8(ascii: "\""), UInt8(ascii: "#"):
                    if !scanStringIfAny() { index += 1 }
                default:
                    index += 1
                }
            }
        }

        /// `/* … */`, nested as Swift nests them.
        private mutating func skipBlockComment() {
            var level = 0
            while index < bytes.count {
                if bytes[index] == UInt8(ascii: "/") && byte(at: 1) == UInt8(ascii: "*") {
                    level += 1
                    index += 2
                } else if bytes[index] == UInt8(ascii: "*") && byte(at: 1) == UInt8(ascii: "/") {
                    level -= 1
                    index += 2
                    if level == 0 { return }
                } else {
                    index += 1
                }
            }
        }

        /// A string literal at `index` — `"…"`, `"""…"""`, with any number of `#` around — with
        /// its interpolations scanned as code. False when `index` does not start one.
        private mutating func scanStringIfAny() -> Bool {
            var hashes = 0
            while byte(at: hashes) == UInt8(ascii: "#") { hashes += 1 }
            guard byte(at: hashes) == UInt8(ascii: "\"") else { return false }
            index += hashes
            let multiline = byte(at: 1) == UInt8(ascii: "\"") && byte(at: 2) == UInt8(ascii: "\"")
            index += multiline ? 3 : 1
            while index < bytes.count {
                let c = bytes[index]
                if c == UInt8(ascii: "\n") && !multiline { return true }
                if c == UInt8(ascii: "\\") && (0..<hashes).allSatisfy({ byte(at: 1 + $0) == UInt8(ascii: "#") }) {
                    index += 1 + hashes
                    if byte(at: 0) == UInt8(ascii: "(") {
                        index += 1
                        let outer = open.count
                        push(UInt8(ascii: "("))
                        scanCode(untilInterpolationEnds: true)
                        if open.count > outer { close(UInt8(ascii: "("), above: outer) }
                    } else {
                        index += 1
                    }
                    continue
                }
                if c == UInt8(ascii: "\"") {
                    let quotes = multiline ? 3 : 1
                    if (0..<quotes).allSatisfy({ byte(at: $0) == UInt8(ascii: "\"") })
                        && (0..<hashes).allSatisfy({ byte(at: quotes + $0) == UInt8(ascii: "#") }) {
                        index += quotes + hashes
                        return true
                    }
                }
                index += 1
            }
            return true
        }
    }
}
