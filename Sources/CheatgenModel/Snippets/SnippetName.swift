/// How a snippet is named, kept as the parts its names are made of and spelled when asked: a
/// build keeps every snippet of every sheet, and two names of 30–40 characters each took
/// 160 bytes of heap per snippet (32 MB of a 10,000-sheet build), where the parts are an
/// anchor the card holds anyway and a few numbers.
///
/// - `name`, readable and unique in the site: `sheet/card`, with `#2`… for a card's later
///   snippets (or the next free number when a name is taken); a book's test is `sheet/test:name`.
/// - `symbol`, usable as a Swift module and a target (letters, digits and `_`): `sheet__card`,
///   with `_2`… for a card's later snippets, and `_` and the snippet's index when taken.
package enum SnippetName: Hashable, Sendable {
    /// A snippet of a card, a section's preamble or the intro; `part` is the card's or section's
    /// anchor, or `intro`. A number 0 adds nothing (the index only tells a clash apart, and the
    /// sheet's first snippet, index 0, clashes with nothing).
    case place(part: String, number: Int32, symbolNumber: Int32, symbolIndex: Int32)
    /// The snippet that runs a book's test, by the test's name.
    case bookTest(String)

    /// The name of the `inCard`-th snippet (from 1) of a place, before it is checked for clashes.
    package static func place(_ part: String, inCard: Int) -> SnippetName {
        let number = inCard > 1 ? Int32(inCard) : 0
        return .place(part: part, number: number, symbolNumber: number, symbolIndex: 0)
    }

    /// `sheet/part`, `sheet/part#n`, or `sheet/test:name`.
    package func name(sheetID: String) -> String {
        switch self {
        case .place(let part, let number, _, _): "\(sheetID)/\(part)" + (number > 0 ? "#\(number)" : "")
        case .bookTest(let test): "\(sheetID)/test:\(test)"
        }
    }

    /// A Swift identifier for the snippet (see the type's summary).
    package func symbol(sheetID: String) -> String {
        switch self {
        case .place(let part, _, let number, let index):
            Self.leadingDigitGuarded(Self.identifier("\(sheetID)__\(part)")) + (number > 0 ? "_\(number)" : "") + (index > 0 ? "_\(index)" : "")
        case .bookTest(let test):
            "T_" + Self.identifier("\(sheetID)__\(test)")
        }
    }

    /// The next name of the same place: the number after `#` counts on (a clash with an earlier name).
    package var renumbered: SnippetName {
        guard case .place(let part, let number, let symbolNumber, let index) = self else { return self }
        return .place(part: part, number: max(number, 1) + 1, symbolNumber: symbolNumber, symbolIndex: index)
    }

    /// The same name, its symbol told apart by the snippet's index (a clash with an earlier symbol).
    package func symbolTold(apartBy index: Int) -> SnippetName {
        guard case .place(let part, let number, let symbolNumber, _) = self else { return self }
        return .place(part: part, number: number, symbolNumber: symbolNumber, symbolIndex: Int32(index))
    }

    /// The text's ASCII letters and digits, anything else `_`.
    static func identifier(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) ? scalar : "_")
        }
        return result
    }

    /// `s` in front of an identifier that would start with a digit.
    private static func leadingDigitGuarded(_ identifier: String) -> String {
        if let first = identifier.unicodeScalars.first, ("0"..."9").contains(first) { return "s" + identifier }
        return identifier
    }
}
