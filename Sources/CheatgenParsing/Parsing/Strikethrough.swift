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
        guard items.contains(where: { if case .text(let text) = $0.inline { text.containsBytes("~") } else { false } }) else {
            return items.map(\.inline)
        }
        var pieces: [Piece] = []
        for (index, item) in items.enumerated() {
            guard case .text(let text) = item.inline, text.containsBytes("~") else {
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

    /// Pairs closers with openers, left to right, and wraps what lies between. Pieces are
    /// moved to `out` as they are read; a pair takes everything after its opener off the end
    /// of `out`, so each piece is moved once per strikethrough it ends up in.
    private static func match(_ input: [Piece]) -> [Inline] {
        var out: [Piece] = []
        var openers: [Int] = []
        // For each kind of closer (its length, whether it can open), how far down the openers a
        // search is worth making: below, an earlier closer of that kind found none (as cmark's
        // `openers_bottom`), so that many runs that never pair stay linear.
        var bottoms: [Int: Int] = [:]
        for piece in input {
            guard case .run(let count, let canOpen, let canClose) = piece else {
                out.append(piece)
                continue
            }
            let kind = count * 2 + (canOpen ? 1 : 0)
            let bottom = min(bottoms[kind] ?? 0, openers.count)
            let found = canClose ? openers[bottom...].lastIndex { opener in
                guard case .run(let openerCount, _, let openerCanClose) = out[opener] else { return false }
                // CommonMark's rule of three, which cmark-gfm applies to tildes as well.
                return !(canOpen || openerCanClose) || (openerCount + count) % 3 != 0
            } : nil
            guard let found else {
                if canClose { bottoms[kind] = openers.count }
                if canOpen { openers.append(out.count) }
                out.append(canOpen ? piece : .inline(piece.inline))
                continue
            }
            let opener = openers[found]
            openers.removeSubrange(found...)
            guard case .run(let openerCount, _, _) = out[opener], openerCount == count else {
                // Runs of different lengths: both stay text, and so does every run between.
                out[opener] = .inline(out[opener].inline)
                out.append(.inline(piece.inline))
                continue
            }
            let inside = GFMInlines.merged(out[(opener + 1)...].map(\.inline))
            out.removeSubrange(opener...)
            out.append(.inline(.strikethrough(inside)))
        }
        return GFMInlines.merged(out.map(\.inline))
    }
}
