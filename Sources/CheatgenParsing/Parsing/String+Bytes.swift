extension StringProtocol {
    /// Whether the text holds `pattern`, compared byte by byte: no grapheme breaking, so a
    /// quick first look at long paragraphs (`~`, `://`, `[^`) costs little.
    func containsBytes(_ pattern: String) -> Bool {
        let needle = Array(pattern.utf8)
        guard let first = needle.first else { return true }
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard bytes.count >= needle.count else { return false }
            var index = 0
            let last = bytes.count - needle.count
            while index <= last {
                if bytes[index] == first {
                    var matched = 1
                    while matched < needle.count, bytes[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return true }
                }
                index += 1
            }
            return false
        }
        if let found = utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(utf8).withUnsafeBufferPointer(search)
    }
}
