/// A position in a content file, 1-based, as editors and compilers count.
package struct SourceLocation: Hashable, Sendable, Comparable {
    /// The path of the file as the user named it (relative paths stay relative).
    package var path: String
    package var line: Int
    package var column: Int

    package init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// `path:line:col`, the prefix compilers and editors understand.
    package var description: String { "\(path):\(line):\(column)" }
}
