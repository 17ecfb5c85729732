import Crypto

/// SHA-256 of the given parts, as lowercase hex: the key of every cache entry.
package enum Hashing {
    package static func key(_ parts: [String]) -> String {
        var hasher = SHA256()
        for part in parts {
            // Length-prefix each part so ("ab","c") and ("a","bc") differ.
            hasher.update(data: Array("\(part.utf8.count):".utf8))
            hasher.update(data: Array(part.utf8))
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
