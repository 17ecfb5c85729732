extension StringProtocol {
    /// The text without leading and trailing characters from `set` (spaces, tabs and newlines
    /// unless told), as a slice of the original.
    package func trimmedSlice(of set: String = " \t\n") -> SubSequence {
        let unwanted = Set(set)
        guard let first = firstIndex(where: { !unwanted.contains($0) }),
              let last = lastIndex(where: { !unwanted.contains($0) }) else { return self[endIndex...] }
        return self[first...last]
    }

    /// The text without leading and trailing characters from `set`.
    package func trimmed(of set: String = " \t\n") -> String {
        String(trimmedSlice(of: set))
    }
}
