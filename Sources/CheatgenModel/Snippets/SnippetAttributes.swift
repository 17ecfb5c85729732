/// What the words after `swift` in a fence's info string ask for.
package struct SnippetAttributes: Hashable, Sendable {
    /// What verification a snippet gets.
    package enum Mode: String, Hashable, Sendable {
        /// Compiled, run, output compared (the default).
        case run
        /// `compile-only`: compiled, not run.
        case compileOnly = "compile-only"
        /// `compile-fail`: must be rejected by the compiler.
        case compileFail = "compile-fail"
        /// `should-crash`: must exit non-zero or trap.
        case shouldCrash = "should-crash"
        /// `ignore`: shown, never compiled.
        case ignore
    }

    package var mode: Mode = .run
    /// `timeout=<seconds>`; nil means the configured default.
    package var timeout: Double?
    /// `unordered`: output lines compared as a multiset.
    package var unordered = false
    /// `id=<name>`: other snippets of the sheet can build on this one's declarations.
    package var id: String?
    /// `uses=<a>,<b>`: the declarations of these named snippets are compiled in first.
    package var uses: [String] = []
    /// `max-time=0.2` or `max-time=150ms`: the run must finish within this many seconds.
    package var maxTime: Double?
    /// Words only the snippet's language reads (`language-mode=5`, `sanitize=thread`), in the
    /// order written; the parser has checked them with that language's rules.
    package var languageOptions: [SnippetOption] = []
    /// `memory=<size>` (`512M`, `2G`): the run's memory limit; nil means the configured default.
    package var memory: Int?
    /// `network=true|false`: whether the run may reach the network; nil means the configured default.
    package var network: Bool?

    package init() {}

    /// The attribute words as written, normalised (used in cache keys and reports).
    package var canonical: String {
        var words = [mode.rawValue]
        if let timeout { words.append("timeout=\(timeout)") }
        if unordered { words.append("unordered") }
        if let id { words.append("id=\(id)") }
        if !uses.isEmpty { words.append("uses=\(uses.joined(separator: ","))") }
        if let maxTime { words.append("max-time=\(maxTime)") }
        words += languageOptions.map(\.written)
        if let memory { words.append("memory=\(memory)") }
        if let network { words.append("network=\(network)") }
        return words.joined(separator: " ")
    }

    /// Parses the words after the language: the attributes every language shares here, the
    /// rest handed to `language` (the snippet's own), which accepts its keys and checks them.
    /// Problems are returned as messages for the caller to place.
    package static func parse(_ words: [String], language: LanguageCatalog.Entry, catalog: LanguageCatalog) -> (SnippetAttributes, [String]) {
        var attributes = SnippetAttributes()
        var problems: [String] = []
        var modes: [Mode] = []
        for word in joinQuoted(words) {
            let (key, value) = split(word)
            switch key {
            case "compile-only", "compile-fail", "should-crash", "ignore":
                if value != nil { problems.append("attribute '\(key)' takes no value") }
                modes.append(Mode(rawValue: key)!)
            case "unordered":
                if value != nil { problems.append("attribute 'unordered' takes no value") }
                attributes.unordered = true
            case "timeout":
                if let value, let seconds = Double(value), seconds > 0, seconds.isFinite, seconds <= 3600 {
                    attributes.timeout = seconds
                } else {
                    problems.append("'timeout' needs a number of seconds between 0 and 3600, as in timeout=5")
                }
            case "id":
                if let value, isName(value) {
                    attributes.id = value
                } else {
                    problems.append("'id' needs a name of letters, digits, '-' or '_', as in id=helpers")
                }
            case "uses":
                let names = (value ?? "").split(separator: ",").map(String.init)
                if names.isEmpty || !names.allSatisfy(isName) {
                    problems.append("'uses' needs snippet names separated by commas, as in uses=helpers,models")
                } else {
                    attributes.uses.append(contentsOf: names)
                }
            case "max-time":
                if let value, let seconds = Self.duration(value), seconds > 0, seconds <= 3600 {
                    attributes.maxTime = seconds
                } else {
                    problems.append("'max-time' needs a duration in seconds or milliseconds, as in max-time=0.2 or max-time=150ms")
                }
            case "memory":
                if let value, let bytes = ByteSize.parse(value), bytes >= 1 << 20 { attributes.memory = bytes } else {
                    problems.append("'memory' needs a size of at least 1M, as in memory=512M or memory=2G")
                }
            case "network":
                if let value, let allowed = Bool(value) { attributes.network = allowed } else {
                    problems.append("'network' needs true or false, as in network=true")
                }
            case _ where language.accepts(key):
                attributes.languageOptions.append(SnippetOption(key: key, value: value))
            default:
                let owners = catalog.entries.filter { $0.accepts(key) }.map(\.displayName)
                if owners.isEmpty {
                    let known = (sharedKeys + language.optionKeys).joined(separator: ", ")
                    problems.append("unknown snippet attribute '\(word)'; known for \(language.displayName): \(known)")
                } else {
                    problems.append("attribute '\(key)' is for \(owners.joined(separator: " and ")) snippets; a \(language.displayName) snippet does not take it")
                }
            }
        }
        if Set(modes).count > 1 {
            problems.append("attributes \(modes.map { "'\($0.rawValue)'" }.joined(separator: " and ")) cannot be combined")
        }
        if let first = modes.first { attributes.mode = first }
        if attributes.maxTime != nil, attributes.mode == .compileOnly || attributes.mode == .compileFail || attributes.mode == .ignore {
            problems.append(notForMode("max-time", attributes.mode))
        }
        problems += language.checkOptions(attributes.languageOptions, attributes.mode)
        return (attributes, problems)
    }

    /// The attributes every language takes.
    static let sharedKeys = ["compile-only", "compile-fail", "should-crash", "ignore", "unordered", "timeout=", "id=", "uses=",
                             "max-time=", "memory=", "network="]

    /// The problem with an attribute that only a running snippet can use (`max-time`, `sanitize`).
    package static func notForMode(_ word: String, _ mode: Mode) -> String {
        "'\(word)' applies to a snippet that runs, not to a '\(mode.rawValue)' one"
    }

    /// `0.2`, `0.2s`, `150ms` → seconds.
    static func duration(_ text: String) -> Double? {
        let (number, scale): (Substring, Double) = text.hasSuffix("ms") ? (text.dropLast(2), 0.001)
            : text.hasSuffix("s") ? (text.dropLast(), 1) : (Substring(text), 1)
        guard let value = Double(number), value.isFinite else { return nil }
        return value * scale
    }

    /// Info strings are split at spaces; `flags="-a b"` is put back together.
    private static func joinQuoted(_ words: [String]) -> [String] {
        var result: [String] = []
        var open: String?
        for word in words {
            if var current = open {
                current += " " + word
                if word.hasSuffix("\"") { result.append(current); open = nil } else { open = current }
            } else if let equals = word.firstIndex(of: "="), word[word.index(after: equals)...].hasPrefix("\""),
                      word.count(where: { $0 == "\"" }) == 1 {
                open = word
            } else {
                result.append(word)
            }
        }
        if let open { result.append(open) }
        return result
    }

    private static func split(_ word: String) -> (String, String?) {
        guard let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }
}
