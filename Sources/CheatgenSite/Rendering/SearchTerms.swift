import Foundation

/// The words search knows an entry by, made the same way `assets/search.js` makes them from a
/// query: folded to lower case without accents, split at anything not a letter or a digit, and
/// code identifiers split at their humps as well as kept whole — `withTaskGroup` is found by
/// `withtaskgroup`, `task` and `group`. Single letters and long numbers are left out.
enum SearchTerms {
    static func terms(in text: String) -> Set<String> {
        // Most of a sheet is ASCII, where a letter, a digit, upper and lower case are byte tests
        // and folding is lower-casing: the same words as below at a fraction of the cost of
        // Unicode's character properties and Foundation's folding (a third of the devhints build).
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiTerms(in: text) }
        return unicodeTerms(in: text)
    }

    /// Any text: Unicode's letters and numbers, folded by Foundation.
    static func unicodeTerms(in text: String) -> Set<String> {
        var terms: Set<String> = []
        var word = ""
        func finish() {
            guard !word.isEmpty else { return }
            add(word, to: &terms)
            if word.count > 2 {
                let humps = humps(of: word)
                if humps.count > 1 { humps.forEach { add($0, to: &terms) } }
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber { word.append(character) } else { finish() }
        }
        finish()
        return terms
    }

    /// ASCII text, byte by byte, with the rules of `unicodeTerms`.
    static func asciiTerms(in text: String) -> Set<String> {
        var terms: Set<String> = []
        let bytes = Array(text.utf8)
        func isLower(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }
        func isUpper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        func add(_ word: ArraySlice<UInt8>) {
            guard word.count > 1, !(word.count > 4 && word.allSatisfy(isDigit)) else { return }
            terms.insert(String(decoding: word.map { isUpper($0) ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        var start = 0
        while start < bytes.count {
            guard isLower(bytes[start]) || isUpper(bytes[start]) || isDigit(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isLower(bytes[end]) || isUpper(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            add(bytes[start..<end])
            if end - start > 2 {
                // The humps, as `humps(of:)` finds them.
                var humps: [Range<Int>] = []
                var from = start
                for index in (start + 1)..<end where isUpper(bytes[index]) {
                    let previous = bytes[index - 1]
                    let nextIsLower = index + 1 < end && isLower(bytes[index + 1])
                    if isLower(previous) || isDigit(previous) || (isUpper(previous) && nextIsLower) {
                        humps.append(from..<index)
                        from = index
                    }
                }
                humps.append(from..<end)
                if humps.count > 1 { humps.forEach { add(bytes[$0]) } }
            }
            start = end
        }
        return terms
    }

    /// What the query and the index both compare: lower case, accents dropped.
    static func fold(_ word: String) -> String {
        word.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
    }

    private static func add(_ word: String, to terms: inout Set<String>) {
        guard word.count > 1, !(word.count > 4 && word.allSatisfy(\.isNumber)) else { return }
        terms.insert(fold(word))
    }

    /// `withTaskGroup` → with, Task, Group; `URLSession` → URL, Session; `utf8Count` → utf8, Count.
    static func humps(of word: String) -> [String] {
        let characters = Array(word)
        var parts: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if index > 0, character.isUppercase {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                if previous.isLowercase || previous.isNumber || (previous.isUppercase && next?.isLowercase == true) {
                    parts.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }
}
