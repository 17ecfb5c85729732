import CheatgenModel

/// The attributes only a Swift snippet takes: `language-mode=5|6`, `flags="…"`,
/// `sanitize=thread|none` and `warnings-as-errors`, read from the words the parser kept for it.
struct SwiftSnippetOptions: Hashable, Sendable {
    /// `language-mode=5|6`: the Swift language mode it is compiled in (nil: Swift 6).
    var languageMode: String?
    /// `flags="…"`: extra compiler flags for this snippet alone.
    var flags: [String] = []
    /// `sanitize=thread`: compiled and run under ThreadSanitizer.
    var sanitizeThread = false
    /// `sanitize=none`: never under a sanitizer, not even with `--sanitize thread` — for code
    /// whose synchronization ThreadSanitizer cannot see (`Mutex` on Linux waits on a futex).
    var neverSanitize = false
    /// `warnings-as-errors`: a compiler warning fails the snippet.
    var warningsAsErrors = false

    /// The keys, as the parser's "known" list shows them.
    static let keys = ["language-mode=", "flags=", "sanitize=", "warnings-as-errors"]

    /// Flags cheatgen sets itself, which `flags=` may not.
    private static let reservedFlags: Set = ["-o", "-c", "-module-name", "-swift-version", "-parse-as-library", "-emit-executable"]

    /// A snippet's options (checked when its sheet was parsed: what is wrong there is left out).
    init(_ attributes: SnippetAttributes) {
        self = Self.parse(attributes.languageOptions, mode: attributes.mode).options
    }

    private init() {}

    /// Reads the words; problems are sentences for the parser to place at the fence.
    static func parse(_ words: [SnippetOption], mode: SnippetAttributes.Mode) -> (options: SwiftSnippetOptions, problems: [String]) {
        var options = SwiftSnippetOptions()
        var problems: [String] = []
        for word in words {
            switch word.key {
            case "language-mode":
                if let value = word.value, ["5", "6"].contains(value) {
                    options.languageMode = value
                } else {
                    problems.append("'language-mode' takes 5 or 6, as in language-mode=5")
                }
            case "flags":
                let flags = ShellWords.split((word.value ?? "").trimmed(of: "\"")) ?? []
                if flags.isEmpty || !flags[0].hasPrefix("-") {
                    problems.append("'flags' needs compiler flags in quotes, as in flags=\"-default-isolation MainActor\"")
                } else if let bad = flags.first(where: reservedFlags.contains) {
                    problems.append("'flags' cannot set \(bad): cheatgen decides it (use language-mode= for the language mode)")
                } else {
                    options.flags = flags
                }
            case "sanitize":
                switch word.value {
                case "thread": options.sanitizeThread = true
                case "none": options.neverSanitize = true
                default: problems.append("'sanitize' takes thread or none, as in sanitize=thread")
                }
            case "warnings-as-errors":
                if word.value != nil { problems.append("attribute 'warnings-as-errors' takes no value") }
                options.warningsAsErrors = true
            default:
                problems.append("unknown Swift attribute '\(word.written)'")
            }
        }
        if options.sanitizeThread && options.neverSanitize {
            problems.append("attributes 'sanitize=thread' and 'sanitize=none' cannot be combined")
        }
        if options.sanitizeThread || options.neverSanitize, mode == .compileOnly || mode == .compileFail || mode == .ignore {
            problems.append(SnippetAttributes.notForMode("sanitize", mode))
        }
        return (options, problems)
    }

    /// The words that change how the compiler is invoked, for the badge's tooltip.
    var compilerSettings: [String] {
        var words: [String] = []
        if let languageMode { words.append("Swift \(languageMode) language mode") }
        if !flags.isEmpty { words.append("flags \(flags.joined(separator: " "))") }
        return words
    }
}
