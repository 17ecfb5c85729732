/// swift-docc's `// snippet.hide` / `// snippet.show` markers: lines compiled but not shown.
package enum HiddenLines {
    package static func isHide(_ line: Substring) -> Bool { marker(line) == "snippet.hide" }
    package static func isShow(_ line: Substring) -> Bool { marker(line) == "snippet.show" }

    private static func marker(_ line: Substring) -> Substring? {
        let trimmed = line.trimmingPrefix(while: \.isWhitespace)
        guard trimmed.hasPrefix("//") || trimmed.hasPrefix("#") else { return nil }
        let body = trimmed.drop { $0 == "/" || $0 == "#" }.trimmingPrefix(while: \.isWhitespace)
        return body.trimmingSuffix(while: \.isWhitespace)
    }

    /// The code without hidden lines and without the markers themselves.
    static func visible(_ code: String) -> String {
        var hidden = false
        var kept: [Substring] = []
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            if isHide(line) { hidden = true; continue }
            if isShow(line) { hidden = false; continue }
            if !hidden { kept.append(line) }
        }
        // Hidden setup at the top often leaves a blank line behind; the page should not start with it.
        while let first = kept.first, first.allSatisfy(\.isWhitespace), kept.count > 1 { kept.removeFirst() }
        return kept.joined(separator: "\n")
    }

    /// A run of consecutive lines, shown or hidden, without the markers.
    package struct Run: Equatable {
        package var hidden: Bool
        package var text: String
    }

    /// The code as runs of shown and hidden lines, in order, markers left out: the visible runs
    /// joined are `visible(code)` (blank lines the page would not start with count as hidden).
    package static func runs(_ code: String) -> [Run] {
        var hidden = false
        var lines: [(Bool, Substring)] = []
        for line in code.split(separator: "\n", omittingEmptySubsequences: false) {
            if isHide(line) { hidden = true; continue }
            if isShow(line) { hidden = false; continue }
            lines.append((hidden, line))
        }
        // As `visible`: leading blank shown lines (all but the last shown one) are not shown.
        let shown = lines.indices.filter { !lines[$0].0 }
        for index in shown.dropLast() {
            guard lines[index].1.allSatisfy(\.isWhitespace) else { break }
            lines[index].0 = true
        }
        var runs: [Run] = []
        for (isHidden, line) in lines {
            if let last = runs.last, last.hidden == isHidden {
                runs[runs.count - 1].text += "\n" + line
            } else {
                runs.append(Run(hidden: isHidden, text: String(line)))
            }
        }
        return runs
    }
}

extension Substring {
    func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
        self[(firstIndex { !predicate($0) } ?? endIndex)...]
    }

    package func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        guard let last = lastIndex(where: { !predicate($0) }) else { return self[startIndex..<startIndex] }
        return self[...last]
    }
}
