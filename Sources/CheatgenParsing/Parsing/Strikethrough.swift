import CheatgenModel

/// GFM strikethrough over one level of inlines (a paragraph's, or an emphasis's children):
/// `~~text~~` and `~text~`. As in GFM, a run of one or two tildes that is left-flanking may
/// open and one that is right-flanking may close; a closer pairs with the nearest opener, and
/// only a run of the same length makes a strikethrough (`~a~~` stays text); three or more
/// tildes are always text.
///
/// cmark core has already made emphasis, so a strikethrough cannot cross its edge here
/// (`~a *b~ c*`), where cmark-gfm, which reads both kinds of run together, lets it.
enum Strikethrough {
    /// An inline of the level, with the characters at its edges for the flanking rules (what
    /// its markup stands for: `*` for emphasis, `` ` `` for code).
    struct Item {
        var inline: Inline
        var first: Unicode.Scalar?
        var last: Unicode.Scalar?

        init(_ inline: Inline, first: Unicode.Scalar?, last: Unicode.Scalar?) {
            self.inline = inline
            self.first = first
            self.last = last
        }
    }

    private enum Piece {
        case inline(Inline)
        case run(count: Int, canOpen: Bool, canClose: Bool)

        var inline: Inline {
            switch self {
            case .inline(let inline): inline
            case .run(let count, _, _): .text(String(repeating: "~", count: count))
            }
        }
    }

    /// The level's inlines with their strikethroughs made. `before` and `after` are the
    /// characters around the level (nil: the paragraph's start or end).
    static func apply(_ items: [Item], before: Unicode.Scalar?, after: Unicode.Scalar?) -> [Inline] {
        guard items.contains(where: { if case .text(let text) = $0.inline { text.contains("~") } else { false } }) else {
            return items.map(\.inline)
        }
        var pieces: [Piece] = []
        for (index, item) in items.enumerated() {
            guard case .text(let text) = item.inline, text.contains("~") else {
                pieces.append(.inline(item.inline))
                continue
            }
            let previous = index > 0 ? items[index - 1].last : before
            let next = index + 1 < items.count ? items[index + 1].first : after
            pieces += split(text, before: previous, after: next)
        }
        return match(pieces)
    }

    /// The text as plain pieces and tilde runs, each run with what it can do.
    private static func split(_ text: String, before: Unicode.Scalar?, after: Unicode.Scalar?) -> [Piece] {
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var plain = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "~" else {
                plain.append(scalars[index])
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, scalars[end] == "~" { end += 1 }
            let count = end - index
            let (left, right) = Delimiters.flanking(before: index > 0 ? scalars[index - 1] : before,
                                                    after: end < scalars.count ? scalars[end] : after)
            if count <= 2, left || right {
                if !plain.isEmpty { pieces.append(.inline(.text(String(plain)))) }
                plain = String.UnicodeScalarView()
                pieces.append(.run(count: count, canOpen: left, canClose: right))
            } else {
                plain.append(contentsOf: scalars[index..<end])
            }
            index = end
        }
        if !plain.isEmpty { pieces.append(.inline(.text(String(plain)))) }
        return pieces
    }

    /// Pairs closers with openers, left to right, and wraps what lies between.
    private static func match(_ input: [Piece]) -> [Inline] {
        var pieces = input
        var openers: [Int] = []
        var index = 0
        while index < pieces.count {
            guard case .run(let count, let canOpen, let canClose) = pieces[index] else {
                index += 1
                continue
            }
            let found = canClose ? openers.lastIndex { opener in
                guard case .run(let openerCount, _, let openerCanClose) = pieces[opener] else { return false }
                // CommonMark's rule of three, which cmark-gfm applies to tildes as well.
                return !(canOpen || openerCanClose) || (openerCount + count) % 3 != 0
            } : nil
            guard let found else {
                if !canOpen { pieces[index] = .inline(pieces[index].inline) } else { openers.append(index) }
                index += 1
                continue
            }
            let opener = openers[found]
            openers.removeSubrange(found...)
            guard case .run(let openerCount, _, _) = pieces[opener], openerCount == count else {
                // Runs of different lengths: both stay text, and so does every run between.
                pieces[opener] = .inline(pieces[opener].inline)
                pieces[index] = .inline(pieces[index].inline)
                index += 1
                continue
            }
            let inside = GFMInlines.merged(pieces[(opener + 1)..<index].map(\.inline))
            pieces.replaceSubrange(opener...index, with: [.inline(.strikethrough(inside))])
            index = opener + 1
        }
        return GFMInlines.merged(pieces.map(\.inline))
    }
}
