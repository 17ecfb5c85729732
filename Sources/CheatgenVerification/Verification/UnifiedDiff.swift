/// A unified diff of two texts, line by line, as `diff -u` prints it, for wrong-output reports.
package enum UnifiedDiff {
    package static func make(expected: [String], actual: [String], context: Int = 3) -> [String] {
        let difference = actual.difference(from: expected)
        var removed: Set<Int> = []
        var inserted: Set<Int> = []
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // The edit script: (kind, text, old line, new line).
        var ops: [(Character, String, Int, Int)] = []
        var i = 0, j = 0
        while i < expected.count || j < actual.count {
            if i < expected.count && removed.contains(i) {
                ops.append(("-", expected[i], i, j)); i += 1
            } else if j < actual.count && inserted.contains(j) {
                ops.append(("+", actual[j], i, j)); j += 1
            } else if i < expected.count && j < actual.count {
                ops.append((" ", expected[i], i, j)); i += 1; j += 1
            } else {
                break
            }
        }
        var lines = ["--- expected", "+++ actual"]
        var index = 0
        while index < ops.count {
            guard let firstChange = ops[index...].firstIndex(where: { $0.0 != " " }) else { break }
            let start = max(firstChange - context, index)
            var end = firstChange
            // Extend the hunk while changes are closer than twice the context.
            while true {
                guard let next = ops[(end + 1)...].firstIndex(where: { $0.0 != " " }), next - end <= 2 * context + 1 else { break }
                end = next
            }
            let stop = min(end + context + 1, ops.count)
            let hunk = ops[start..<stop]
            let oldCount = hunk.count { $0.0 != "+" }
            let newCount = hunk.count { $0.0 != "-" }
            let oldStart = oldCount == 0 ? hunk.first!.2 : hunk.first!.2 + 1
            let newStart = newCount == 0 ? hunk.first!.3 : hunk.first!.3 + 1
            lines.append("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@")
            for op in hunk { lines.append("\(op.0)\(op.1)") }
            index = stop
        }
        return lines
    }
}
