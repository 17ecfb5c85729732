/// A position in a content file, 1-based, as editors and compilers count.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// The path of the file as the user named it (relative paths stay relative).
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }

    /// `path:line:col`, the prefix compilers and editors understand.
    public var description: String { "\(path):\(line):\(column)" }
}
