import Foundation
import Yams

/// Settings from an optional `cheatgen.yml`; every one has a default, so none is needed.
public struct Configuration: Sendable, Hashable {
    /// The site's name, shown in the header and the index page's title.
    public var title = "Cheatsheets"
    /// Where the site is published (`https://example.org/cheats/`); enables `sitemap.xml`.
    public var baseURL: String?
    /// Seconds a snippet may run unless it says `timeout=`.
    public var defaultTimeout: Double = 10
    /// Extra `swiftc` flags for every snippet.
    public var swiftFlags: [String] = []
    /// Packages every sheet's snippets may import.
    public var dependencies: [PackageDependency] = []
    /// Which snippets are verified unless a sheet says otherwise (`verify:`).
    public var verify: VerifySetting = .all

    /// How sheets are read under this configuration.
    public var parseOptions: SheetParser.Options { SheetParser.Options(verify: verify) }

    /// `warnings: error`: a compiler warning in a snippet fails it (default: reported, `warn`).
    public var warningsAsErrors = false

    /// Memory a snippet's run may use unless it says `memory=` (default 1 GiB).
    public var memoryLimit = 1 << 30
    /// Snippets may reach the network (default: they run without one).
    public var network = false
    /// Names of environment variables passed through to snippets.
    public var environment: [String] = []

    public static let knownKeys = ["base-url", "dependencies", "env", "memory", "network", "swift-flags", "timeout", "title", "verify", "warnings"]

    public init() {}

    /// Reads `path` if it exists; a missing file gives the defaults.
    public static func load(from path: String) -> (Configuration, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else { return (Configuration(), []) }
        switch SourceText.decode(data, path: path) {
        case .failure(let diagnostic): return (Configuration(), [diagnostic])
        case .success(let text): return parse(text, path: path)
        }
    }

    static func parse(_ text: String, path: String) -> (Configuration, [Diagnostic]) {
        var configuration = Configuration()
        var diagnostics: [Diagnostic] = []
        func place(_ mark: Mark?) -> SourceLocation { SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1) }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            let name = (path as NSString).lastPathComponent
            return (configuration, [.error("\(name) is not valid YAML: \(FrontMatterParser.problem(of: error))", at: place(FrontMatterParser.mark(of: error)))])
        } catch {
            return (configuration, [.error("not valid YAML: \(error)", at: place(nil))])
        }
        guard let node else { return (configuration, []) }
        guard case .mapping(let mapping) = node else {
            return (configuration, [.error("\((path as NSString).lastPathComponent) must be a mapping of settings", at: place(node.mark))])
        }
        for (key, value) in mapping {
            let name = key.string ?? ""
            switch name {
            case "title":
                if let title = value.scalar?.string { configuration.title = title } else { diagnostics.append(.error("'title' must be a string", at: place(value.mark))) }
            case "base-url":
                if let url = value.scalar?.string, url.hasPrefix("http://") || url.hasPrefix("https://") {
                    configuration.baseURL = url.hasSuffix("/") ? url : url + "/"
                } else {
                    diagnostics.append(.error("'base-url' must be an http(s) address", at: place(value.mark)))
                }
            case "timeout":
                if let seconds = value.float, seconds > 0, seconds <= 3600 { configuration.defaultTimeout = seconds } else {
                    diagnostics.append(.error("'timeout' must be a number of seconds between 0 and 3600", at: place(value.mark)))
                }
            case "swift-flags":
                if let flags = value.sequence?.compactMap({ $0.scalar?.string }), flags.count == value.sequence?.count {
                    configuration.swiftFlags = flags
                } else {
                    diagnostics.append(.error("'swift-flags' must be a list of strings", at: place(value.mark)))
                }
            case "warnings":
                switch value.scalar?.string {
                case "error": configuration.warningsAsErrors = true
                case "warn": configuration.warningsAsErrors = false
                default: diagnostics.append(.error("'warnings' must be 'error' (a warning fails its snippet) or 'warn'", at: place(value.mark)))
                }
            case "memory":
                if let text = value.scalar?.string, let bytes = ByteSize.parse(text), bytes >= 1 << 20 { configuration.memoryLimit = bytes } else {
                    diagnostics.append(.error("'memory' must be a size of at least 1M, as in 512M or 2G", at: place(value.mark)))
                }
            case "network":
                if let allowed = value.bool { configuration.network = allowed } else {
                    diagnostics.append(.error("'network' must be true or false", at: place(value.mark)))
                }
            case "env":
                let names = value.sequence?.compactMap { $0.scalar?.string } ?? []
                if names.count == value.sequence?.count, names.allSatisfy(Self.isVariableName) { configuration.environment = names } else {
                    diagnostics.append(.error("'env' must be a list of environment variable names (letters, digits, '_'), as in [API_BASE]", at: place(value.mark)))
                }
            case "dependencies":
                configuration.dependencies = DependencyParser.parse(value, place: place, diagnostics: &diagnostics)
            case "verify":
                if let setting = FrontMatterParser.verifySetting(value, location: place(value.mark), place: place, diagnostics: &diagnostics) {
                    configuration.verify = setting
                }
            default:
                diagnostics.append(.warning("unknown setting '\(name)' is ignored; known: \(knownKeys.joined(separator: ", "))", at: place(key.mark)))
            }
        }
        return (configuration, diagnostics)
    }

    private static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, !first.isNumber else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
