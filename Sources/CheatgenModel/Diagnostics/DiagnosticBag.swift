/// Collects diagnostics in the order they are found; reports them sorted by place.
package struct DiagnosticBag: Sendable {
    package private(set) var all: [Diagnostic] = []

    package init() {}

    package mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }
    package mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    package var hasErrors: Bool { all.contains { $0.severity == .error } }
    package var errorCount: Int { all.count { $0.severity == .error } }

    /// Diagnostics ordered by file and line (those without a place first), stable otherwise.
    package var sorted: [Diagnostic] {
        all.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
