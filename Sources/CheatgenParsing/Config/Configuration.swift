import Foundation
import Yams
import CheatgenModel

/// Settings from an optional `cheatgen.yml`; every one has a default, so none is needed.
package struct Configuration: Sendable, Hashable {
    /// The site's name, shown in the header and the index page's title.
    package var title = "Cheatsheets"
    /// Where the site is published (`https://example.org/cheats/`); enables `sitemap.xml`.
    package var baseURL: String?
    /// Seconds a snippet may run unless it says `timeout=`.
    package var defaultTimeout: Double = 10
    /// Packages every sheet's snippets may import.
    package var dependencies: [PackageDependency] = []
    /// Which snippets are verified unless a sheet says otherwise (`verify:`).
    package var verify: VerifySetting = .all
    /// How a page's snippets run unless a sheet says otherwise (`listings:`).
    package var listings: Listings = .separate

    /// The languages this configuration was read for: the sections it accepts, and how sheets
    /// are read under it.
    package var languages = LanguageCatalog([])
    /// Each language's own section (`swift: { flags: [-DDEBUG] }`), which that language reads.
    package var languageSections: [String: LanguageSection] = [:]

    /// How sheets are read under this configuration.
    package var parseOptions: SheetParser.Options { SheetParser.Options(verify: verify, languages: languages) }

    /// Memory a snippet's run may use unless it says `memory=` (default 1 GiB).
    package var memoryLimit = 1 << 30
    /// Snippets may reach the network (default: they run without one).
    package var network = false
    /// Names of environment variables passed through to snippets.
    package var environment: [String] = []
    /// The known-failures list (`known-failures:`), as a path from where cheatgen runs: the
    /// setting is relative to cheatgen.yml's folder.
    package var knownFailures: String?

    package static let knownKeys = ["base-url", "dependencies", "env", "known-failures", "listings", "memory", "network", "timeout", "title", "verify"]
    /// Settings that moved into a language's section, and where they are now.
    static let movedKeys = ["swift-flags": "swift: { flags: [...] }", "warnings": "swift: { warnings: error }"]

    package init(languages: LanguageCatalog = LanguageCatalog([])) {
        self.languages = languages
    }

    /// Reads `path` if it exists; a missing file gives the defaults.
    package static func load(from path: String, languages: LanguageCatalog) -> (Configuration, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else { return (Configuration(languages: languages), []) }
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (Configuration(languages: languages), [diagnostic])
        case .success(let text): return parse(text, path: path, languages: languages)
        }
    }

    static func parse(_ text: String, path: String, languages: LanguageCatalog) -> (Configuration, [Diagnostic]) {
        var configuration = Configuration(languages: languages)
        var diagnostics: [Diagnostic] = []
        func place(_ mark: Mark?) -> SourceLocation { SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let name = (path as NSString).lastPathComponent
            return (configuration, [.error(.invalidConfigYAML, "\(name) is not valid YAML: \(FrontMatterParser.problem(of: error))", at: place(FrontMatterParser.mark(of: error)))])
        } catch {
            return (configuration, [.error(.invalidConfigYAML, "not valid YAML: \(error)", at: place(nil))])
        }
        guard let node else { return (configuration, []) }
        guard case .mapping(let mapping) = node else {
            return (configuration, [.error(.invalidConfigYAML, "\((path as NSString).lastPathComponent) must be a mapping of settings", at: place(node.mark))])
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "title":
                if let title = value.scalar?.string { configuration.title = title } else { diagnostics.append(.error(.invalidConfigValue, "'title' must be a string", at: place(value.mark))) }
            case "base-url":
                if let url = value.scalar?.string, url.hasPrefix("http://") || url.hasPrefix("https://") {
                    configuration.baseURL = url.hasSuffix("/") ? url : url + "/"
                } else {
                    diagnostics.append(.error(.invalidConfigValue, "'base-url' must be an http(s) address", at: place(value.mark)))
                }
            case "timeout":
                if let seconds = value.float, seconds > 0, seconds <= 3600 { configuration.defaultTimeout = seconds } else {
                    diagnostics.append(.error(.invalidConfigValue, "'timeout' must be a number of seconds between 0 and 3600", at: place(value.mark)))
                }
            case "memory":
                if let text = value.scalar?.string, let bytes = ByteSize.parse(text), bytes >= 1 << 20 { configuration.memoryLimit = bytes } else {
                    diagnostics.append(.error(.invalidConfigValue, "'memory' must be a size of at least 1M, as in 512M or 2G", at: place(value.mark)))
                }
            case "network":
                if let allowed = value.bool { configuration.network = allowed } else {
                    diagnostics.append(.error(.invalidConfigValue, "'network' must be true or false", at: place(value.mark)))
                }
            case "env":
                let names = value.sequence?.compactMap { $0.scalar?.string } ?? []
                if names.count == value.sequence?.count, names.allSatisfy(Self.isVariableName) { configuration.environment = names } else {
                    diagnostics.append(.error(.invalidConfigValue, "'env' must be a list of environment variable names (letters, digits, '_'), as in [API_BASE]", at: place(value.mark)))
                }
            case "known-failures":
                if let file = value.scalar?.string, !file.isEmpty {
                    let folder = (path as NSString).deletingLastPathComponent
                    configuration.knownFailures = file.hasPrefix("/") || folder.isEmpty ? file : "\(folder)/\(file)"
                } else {
                    diagnostics.append(.error(.invalidConfigValue, "'known-failures' must be a file's path, relative to \((path as NSString).lastPathComponent)", at: place(value.mark)))
                }
            case "dependencies":
                configuration.dependencies = DependencyParser.parse(value, place: place, diagnostics: &diagnostics)
            case "verify":
                if let setting = FrontMatterParser.verifySetting(value, location: place(value.mark), place: place, languages: languages,
                                                                 diagnostics: &diagnostics) {
                    configuration.verify = setting
                }
            case "listings":
                if let listings = FrontMatterParser.listingsSetting(value, location: place(value.mark), diagnostics: &diagnostics) {
                    configuration.listings = listings
                }
            case _ where languages.entry(for: name)?.name == name:
                if let section = languageSection(name, value, place: place) {
                    configuration.languageSections[name] = section
                } else {
                    diagnostics.append(.error(.invalidConfigValue, "'\(name)' must be a mapping of \(name) settings, as in \(name): { flags: [-DDEBUG] }", at: place(value.mark)))
                }
            case _ where movedKeys[name] != nil:
                diagnostics.append(.error(.movedConfigSetting, "'\(name)' is now set in its language's section: \(movedKeys[name]!)", at: place(key.mark)))
            default:
                let known = knownKeys + languages.entries.map(\.name)
                diagnostics.append(.warning(.unknownConfigSetting, "unknown setting '\(name)' is ignored; known: \(known.joined(separator: ", "))", at: place(key.mark)))
            }
        }
        return (configuration, diagnostics)
    }

    /// A language's section as plain values; nil unless it is a mapping.
    private static func languageSection(_ name: String, _ node: Node, place: (Mark?) -> SourceLocation) -> LanguageSection? {
        guard case .mapping(let mapping) = node else { return nil }
        let settings = mapping.map { key, value -> LanguageSection.Setting in
            let plain: LanguageSection.Value
            switch value {
            case .scalar(let scalar): plain = .text(scalar.string)
            case .sequence(let items):
                let words = items.compactMap { $0.scalar?.string }
                plain = words.count == items.count ? .list(words) : .other
            default: plain = .other
            }
            return LanguageSection.Setting(key: key.string ?? "", value: plain, keyLocation: place(key.mark), valueLocation: place(value.mark))
        }
        return LanguageSection(language: name, settings: settings)
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
