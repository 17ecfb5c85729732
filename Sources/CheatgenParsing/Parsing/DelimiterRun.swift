/// CommonMark's rules for a run of delimiter characters (`~~`, `*`): whether it can open or
/// close, from the characters on either side of it, and the character classes they use (as
/// cmark defines them: Unicode punctuation, Unicode spaces).
enum Delimiters {
    /// Whether a run between `before` and `after` (nil: the start or end of the paragraph,
    /// which counts as a space) is left-flanking (may open) and right-flanking (may close).
    static func flanking(before: Unicode.Scalar?, after: Unicode.Scalar?) -> (left: Bool, right: Bool) {
        let spaceBefore = before.map(isSpace) ?? true
        let spaceAfter = after.map(isSpace) ?? true
        let punctuationBefore = before.map(isPunctuation) ?? false
        let punctuationAfter = after.map(isPunctuation) ?? false
        let left = !spaceAfter && (!punctuationAfter || spaceBefore || punctuationBefore)
        let right = !spaceBefore && (!punctuationBefore || spaceAfter || punctuationAfter)
        return (left, right)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D, 0x20: true
        default: scalar.properties.generalCategory == .spaceSeparator
        }
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        // An escaped tilde (`EscapedTildes`) is still a tilde to its neighbours.
        if scalar == EscapedTildes.mark { return true }
        if scalar.isASCII {
            let value = scalar.value
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
