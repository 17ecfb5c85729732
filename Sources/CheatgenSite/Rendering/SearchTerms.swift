import Foundation

/// The words search knows an entry by, made the same way `assets/search.js` makes them from a
/// query: folded to lower case without accents, split at anything not a letter or a digit, and
/// code identifiers split at their humps as well as kept whole — `withTaskGroup` is found by
/// `withtaskgroup`, `task` and `group`. Single letters and long numbers are left out.
enum SearchTerms {
    static func terms(in text: String) -> Set<String> {
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
