import CheatgenModel
import CheatgenParsing

/// The `swift:` section of `cheatgen.yml`: what every Swift snippet is compiled with.
///
/// ```yaml
/// swift:
///   flags: [-DDEBUG]      # extra swiftc flags for every snippet
///   warnings: error       # a compiler warning fails its snippet (default: warn)
/// ```
struct SwiftSettings: Hashable, Sendable {
    /// Extra `swiftc` flags for every snippet.
    var flags: [String] = []
    /// `warnings: error`: a compiler warning in a snippet fails it (default: reported, `warn`).
    var warningsAsErrors = false
    /// `merge: false` compiles every snippet as its own module, as before merged compilation
    /// (`MergedCompilation`): for comparing the two, which must give the same verdicts.
    var mergesSnippets = true

    /// What a verdict depends on besides the snippet: these settings, and nothing of other languages'.
    var verdictKey: String {
        "flags=\(flags.joined(separator: " "));warnings=\(warningsAsErrors ? "error" : "warn")" + (mergesSnippets ? "" : ";merge=false")
    }

    /// Reads the section (nil: none was written); problems are diagnostics at their place.
    static func read(_ section: LanguageSection?) -> (settings: SwiftSettings, diagnostics: [Diagnostic]) {
        var settings = SwiftSettings()
        var diagnostics: [Diagnostic] = []
        for setting in section?.settings ?? [] {
            switch (setting.key, setting.value) {
            case ("flags", .list(let flags)):
                settings.flags = flags
            case ("flags", _):
                diagnostics.append(.error(.invalidConfigValue, "'swift: flags' must be a list of strings, as in flags: [-DDEBUG]", at: setting.valueLocation))
            case ("warnings", .text("error")):
                settings.warningsAsErrors = true
            case ("warnings", .text("warn")):
                settings.warningsAsErrors = false
            case ("warnings", _):
                diagnostics.append(.error(.invalidConfigValue, "'swift: warnings' must be 'error' (a warning fails its snippet) or 'warn'", at: setting.valueLocation))
            case ("merge", .text("true")):
                settings.mergesSnippets = true
            case ("merge", .text("false")):
                settings.mergesSnippets = false
            case ("merge", _):
                diagnostics.append(.error(.invalidConfigValue, "'swift: merge' must be true (snippets that can share a module are compiled together) or false", at: setting.valueLocation))
            default:
                diagnostics.append(.warning(.unknownConfigSetting, "unknown Swift setting '\(setting.key)' is ignored; known: flags, warnings, merge", at: setting.keyLocation))
            }
        }
        return (settings, diagnostics)
    }
}
