/// A memory size as written in attributes and `cheatgen.yml`: `512M`, `1G`, `64MiB`, `2GB`
/// (units are powers of 1024), or a number of bytes.
package enum ByteSize {
    package static func parse(_ text: String) -> Int? {
        let digits = text.prefix { $0.isNumber }
        guard let number = Int(digits), number > 0 else { return nil }
        let units: [String: Int] = ["": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var unit = text.dropFirst(digits.count).uppercased()
        for suffix in ["IB", "B"] where unit.hasSuffix(suffix) && unit.count > 1 { unit.removeLast(suffix.count); break }
        guard let scale = units[unit], number <= (1 << 40) / scale else { return nil }
        return number * scale
    }

    /// `1 GiB`, `64 MiB`, `1536 KiB`.
    package static func format(_ bytes: Int) -> String {
        for (scale, name) in [(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")] where bytes % scale == 0 {
            return "\(bytes / scale) \(name)"
        }
        return "\(bytes) bytes"
    }
}
