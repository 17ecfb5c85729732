import CheatgenModel

/// The GitHub Flavored Markdown rules for pipe tables, over the source lines of a paragraph
/// that cmark core (which has no table extension) produced: where a table starts, how a row
/// splits into cells, and what the delimiter row says about alignment.
///
/// As in GFM: the header row is the line right above a delimiter row with as many cells;
/// lines above the header stay a paragraph; every later line of the paragraph is a body row
/// (the table ends where cmark ended the paragraph: a blank line or the start of another
/// block); `\|` is a pipe inside a cell, also inside code spans.
enum PipeTable {
    /// A cell's text with `\|` unescaped, and the 0-based byte offset of its first
    /// non-blank byte in the line.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// Where a table begins among `lines`: the header row's index and the columns' alignments.
    static func start(in lines: [Substring]) -> (header: Int, alignments: [Table.Alignment])? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            guard let alignments = delimiterRow(lines[index + 1]) else { continue }
            if cells(of: lines[index]).count == alignments.count {
                return (index, alignments)
            }
        }
        return nil
    }

    /// The alignments a delimiter row (`| :--- | :---: | ---: |`) sets, or nil when the line
    /// is not one. (A row of dashes alone never reaches here: cmark made the line above it a
    /// setext heading, as GFM does.)
    static func delimiterRow(_ line: Substring) -> [Table.Alignment]? {
        guard line.utf8.contains(UInt8(ascii: "-")) else { return nil }
        if leadingIndent(line) > 3 { return nil }
        let parts = cells(of: line)
        guard !parts.isEmpty else { return nil }
        var alignments: [Table.Alignment] = []
        for part in parts {
            var bytes = Substring(part.text).utf8[...]
            let left = bytes.first == UInt8(ascii: ":")
            if left { bytes = bytes.dropFirst() }
            let right = bytes.last == UInt8(ascii: ":")
            if right { bytes = bytes.dropLast() }
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// The cells of a row: split at pipes that are not escaped, an optional leading and
    /// trailing pipe dropped, each cell trimmed.
    static func cells(of line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, isBlank(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "|") { index += 1 }
        var result: [Cell] = []
        var current: [UInt8] = []
        var contentStart: Int?
        var trailingBlanks = 0
        func finish() {
            if trailingBlanks > 0 { current.removeLast(trailingBlanks) }
            result.append(Cell(text: String(decoding: current, as: UTF8.self), offset: contentStart ?? index))
            current.removeAll(keepingCapacity: true)
            contentStart = nil
            trailingBlanks = 0
        }
        var sawPipe = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "|") {
                finish()
                sawPipe = true
                index += 1
                continue
            }
            sawPipe = false
            if isBlank(byte) {
                if contentStart != nil { current.append(byte); trailingBlanks += 1 }
                index += 1
                continue
            }
            if contentStart == nil { contentStart = index }
            trailingBlanks = 0
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                // `\|` is a pipe in the cell; any other escape is left for the inline parser.
                if bytes[index + 1] != UInt8(ascii: "|") { current.append(byte) }
                current.append(bytes[index + 1])
                index += 2
                continue
            }
            current.append(byte)
            index += 1
        }
        // A trailing pipe ends the row; text after the last pipe is one more cell.
        if contentStart != nil || (result.isEmpty && !sawPipe) { finish() }
        return result
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func leadingIndent(_ line: Substring) -> Int {
        var count = 0
        for byte in line.utf8 {
            if byte == 0x20 { count += 1 } else if byte == 0x09 { count += 4 - count % 4 } else { break }
        }
        return count
    }
}
