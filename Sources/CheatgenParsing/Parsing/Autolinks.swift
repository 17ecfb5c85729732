/// GFM's extended autolinks, found in the text cmark core left: `http://`, `https://` and
/// `ftp://` URLs, `www.` addresses (linked as `http://…`) and e-mail addresses (`mailto:`, also
/// written out as `mailto:…` or `xmpp:…`).
///
/// The rules are the GFM specification's, worked on UTF-8 bytes as cmark-gfm does: a `www.`
/// address starts a paragraph or follows a space or one of `*_~(`; the domain has a dot (a URL's
/// may be short) and no underscore in its last two segments; the link runs to a space or `<`,
/// then loses trailing `?!.,:*_~'"`, a `)` that has no `(` to match, and an entity-like `&x;`.
/// Text cmark core already made something else (code, emphasis, a link) is not looked into, so
/// `http://x/*a*` links `http://x/` where cmark-gfm, which reads the URL first, links `…/*a`.
enum Autolinks {
    /// A run of text and the links found in it.
    enum Piece: Equatable {
        case text(String)
        case link(destination: String, text: String)
    }

    /// The URL and `www.` autolinks in `text`. `before` is the character before it in its
    /// paragraph: nil at the paragraph's start, or the character markup stands for (`*`).
    static func urls(in text: String, before: Unicode.Scalar?) -> [Piece] {
        guard text.containsBytes("://") || text.containsBytes("www.") else { return [.text(text)] }
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var index = 0
        func emit(_ start: Int, _ end: Int, destination: String) {
            if start > textStart { pieces.append(.text(string(bytes[textStart..<start]))) }
            pieces.append(.link(destination: destination, text: string(bytes[start..<end])))
            textStart = end
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":"), let (start, end) = url(bytes, colon: index, earliest: textStart) {
                emit(start, end, destination: string(bytes[start..<end]))
                index = end
                continue
            }
            if byte == UInt8(ascii: "w"), index >= textStart, wwwMayStart(bytes, at: index, before: before),
               let end = www(bytes, at: index) {
                emit(index, end, destination: "http://" + string(bytes[index..<end]))
                index = end
                continue
            }
            index += 1
        }
        if textStart < bytes.count { pieces.append(.text(string(bytes[textStart...]))) }
        return pieces
    }

    /// The e-mail autolinks in `text` (`name@example.org`, `mailto:name@example.org`).
    static func emails(in text: String) -> [Piece] {
        guard text.utf8.contains(UInt8(ascii: "@")) else { return [.text(text)] }
        let bytes = Array(text.utf8)
        var pieces: [Piece] = []
        var textStart = 0
        var searchFrom = 0
        while let at = bytes[searchFrom...].firstIndex(of: UInt8(ascii: "@")) {
            guard let (start, end, scheme) = email(bytes, at: at, earliest: textStart) else {
                searchFrom = at + 1
                continue
            }
            if start > textStart { pieces.append(.text(string(bytes[textStart..<start]))) }
            let address = string(bytes[start..<end])
            pieces.append(.link(destination: scheme ? address : "mailto:" + address, text: address))
            textStart = end
            searchFrom = end
            if searchFrom >= bytes.count { break }
        }
        if textStart < bytes.count { pieces.append(.text(string(bytes[textStart...]))) }
        return pieces
    }

    // MARK: URLs

    /// A URL whose `://` starts at `colon`: its start (the scheme) and end.
    private static func url(_ bytes: [UInt8], colon: Int, earliest: Int) -> (Int, Int)? {
        guard colon + 3 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        var start = colon
        while start > earliest, isASCIILetter(bytes[start - 1]) { start -= 1 }
        let scheme = String(decoding: bytes[start..<colon], as: UTF8.self).lowercased()
        guard ["http", "https", "ftp"].contains(scheme), isHostCharacter(bytes, at: colon + 3) else { return nil }
        let domain = domainLength(bytes, from: colon + 3, allowShort: true)
        guard domain > 0 else { return nil }
        var end = colon + 3 + domain
        while end < bytes.count, !isASCIISpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmedEnd(bytes, from: colon, to: end)
        return end > colon ? (start, end) : nil
    }

    /// Whether a `www.` address may start at `index`: at the paragraph's start or after a
    /// space or `*`, `_`, `~`, `(`.
    private static func wwwMayStart(_ bytes: [UInt8], at index: Int, before: Unicode.Scalar?) -> Bool {
        if index == 0 {
            guard let before else { return true }
            return before.isASCII && isWWWPrefix(UInt8(before.value))
        }
        return isWWWPrefix(bytes[index - 1])
    }

    private static func isWWWPrefix(_ byte: UInt8) -> Bool {
        isASCIISpace(byte) || "*_~(".utf8.contains(byte)
    }

    /// The end of a `www.` address at `index`.
    private static func www(_ bytes: [UInt8], at index: Int) -> Int? {
        guard bytes.count - index >= 4, bytes[index..<(index + 4)].elementsEqual("www.".utf8) else { return nil }
        let domain = domainLength(bytes, from: index, allowShort: false)
        guard domain > 0 else { return nil }
        var end = index + domain
        while end < bytes.count, !isASCIISpace(bytes[end]), bytes[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmedEnd(bytes, from: index, to: end)
        return end > index ? end : nil
    }

    /// How many bytes from `start` are domain characters (letters, digits, `-`, `_`, `.`; the
    /// first one taken as given). Zero when one of the last two segments has an underscore
    /// (unless the domain has more than ten dots) or, unless `allowShort`, there is no dot.
    private static func domainLength(_ bytes: [UInt8], from start: Int, allowShort: Bool) -> Int {
        let size = bytes.count - start
        var index = 1
        var dots = 0, underscoresBefore = 0, underscores = 0
        while index < size - 1 {
            var byte = bytes[start + index]
            if byte == UInt8(ascii: "\\"), index < size - 2 {
                index += 1
                byte = bytes[start + index]
            }
            if byte == UInt8(ascii: "_") {
                underscores += 1
            } else if byte == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
            } else if !isHostCharacter(bytes, at: start + index), byte != UInt8(ascii: "-") {
                break
            }
            index += 1
        }
        if (underscoresBefore > 0 || underscores > 0) && dots <= 10 { return 0 }
        return allowShort || dots > 0 ? index : 0
    }

    /// The end of a link once trailing punctuation is dropped, and everything from a `<` on
    /// (`start..<end` is the link as far as spaces allow).
    private static func trimmedEnd(_ bytes: [UInt8], from start: Int, to limit: Int) -> Int {
        var end = limit
        var opening = 0, closing = 0
        for index in start..<limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                end = index
                break
            }
            if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
        }
        while end > start {
            let last = bytes[end - 1]
            switch last {
            case UInt8(ascii: ")"):
                // A closing parenthesis stays when the link has as many opening ones.
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ";"):
                // `&amp;` at the end reads as an entity, not as part of the address.
                var letters = end - 2
                while letters > start, isASCIILetter(bytes[letters]) { letters -= 1 }
                if letters < end - 2, bytes[letters] == UInt8(ascii: "&") { end = letters } else { end -= 1 }
            default:
                return end
            }
        }
        return end
    }

    // MARK: E-mail addresses

    /// The e-mail address around the `@` at `at`: its start, end, and whether it was written
    /// with its scheme (`mailto:`, `xmpp:`).
    private static func email(_ bytes: [UInt8], at: Int, earliest: Int) -> (Int, Int, Bool)? {
        var start = at
        var scheme = false
        var xmpp = false
        while start > earliest {
            let byte = bytes[start - 1]
            if isASCIIAlphanumeric(byte) || ".+-_".utf8.contains(byte) {
                start -= 1
                continue
            }
            if byte == UInt8(ascii: ":") {
                if let schemeStart = schemeStart("mailto:", bytes, colon: start - 1, earliest: earliest) {
                    start = schemeStart
                    scheme = true
                    continue
                }
                if let schemeStart = schemeStart("xmpp:", bytes, colon: start - 1, earliest: earliest) {
                    start = schemeStart
                    scheme = true
                    xmpp = true
                    continue
                }
            }
            break
        }
        guard start < at else { return nil }
        var length = 1
        var dots = 0
        while at + length < bytes.count {
            let byte = bytes[at + length]
            if isASCIIAlphanumeric(byte) {
                length += 1
                continue
            }
            if byte == UInt8(ascii: "@") { return nil }
            if byte == UInt8(ascii: "."), at + length + 1 < bytes.count, isASCIIAlphanumeric(bytes[at + length + 1]) {
                dots += 1
            } else if byte == UInt8(ascii: "/"), xmpp {
            } else if byte != UInt8(ascii: "-"), byte != UInt8(ascii: "_") {
                break
            }
            length += 1
        }
        let last = bytes[at + length - 1]
        guard length >= 2, dots > 0, isASCIILetter(last) || last == UInt8(ascii: ".") else { return nil }
        let end = trimmedEnd(bytes, from: at, to: at + length)
        return end > at ? (start, end, scheme) : nil
    }

    /// Where `scheme` (ending in the `:` at `colon`) starts, if it is written there and stands
    /// alone (not the end of a longer word).
    private static func schemeStart(_ scheme: String, _ bytes: [UInt8], colon: Int, earliest: Int) -> Int? {
        let length = scheme.utf8.count
        let start = colon + 1 - length
        guard start >= earliest, bytes[start...colon].elementsEqual(scheme.utf8) else { return nil }
        if start > earliest, isASCIIAlphanumeric(bytes[start - 1]) { return nil }
        return start
    }

    // MARK: Characters

    /// A character that may be in a host name: not a space, not punctuation (decoded from the
    /// UTF-8 sequence starting at `index`; a byte inside a sequence is not one).
    private static func isHostCharacter(_ bytes: [UInt8], at index: Int) -> Bool {
        guard let scalar = decode(bytes, at: index) else { return false }
        return !Delimiters.isSpace(scalar) && !Delimiters.isPunctuation(scalar)
    }

    private static func decode(_ bytes: [UInt8], at index: Int) -> Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
        guard length > 0, index + length <= bytes.count else { return nil }
        var iterator = bytes[index..<(index + length)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isASCIILetter(byte) || (0x30...0x39).contains(byte) }
    private static func isASCIISpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
}
