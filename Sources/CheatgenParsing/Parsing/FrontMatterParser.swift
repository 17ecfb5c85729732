import Yams
import CheatgenModel

/// Splits the `---` YAML header from a sheet and reads it with Yams.
enum FrontMatterParser {
    /// Keys a sheet may set; anything else is reported as a warning so typos do not go unnoticed.
    static let knownKeys: Set<String> = ["title", "summary", "tags", "related", "twins", "dependencies",
                                         "intro", "category", "updated", "weight", "keywords", "description", "verify", "listings", "kind", "pages"]
    /// Keys of Jekyll cheatsheet sites (devhints) that mean nothing here: accepted without a word.
    static let ignoredKeys: Set<String> = ["layout", "prism_languages", "ads", "og_type", "html_class", "redirect_to",
                                           "authors", "archived", "deprecated"]

    struct Result {
        var frontMatter: FrontMatter?
        /// The Markdown body with the header replaced by blank lines, so cmark's line numbers are the file's.
        var body: String
        var diagnostics: [Diagnostic]
        /// The file has no front matter and is not empty: a page, titled by its first `#`
        /// heading (`PageTitle`), as DocC and GitHub read Markdown.
        var isPage = false
    }

    static func parse(_ text: String, path: String, languages: LanguageCatalog) -> Result {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = SourceLocation(path: path, line: 1)
        guard let first = lines.first, first.trimmingSuffix(while: \.isWhitespace) == "---" else {
            if text.allSatisfy(\.isWhitespace) {
                return Result(frontMatter: nil, body: text, diagnostics: [.error(.missingFrontMatter, "empty sheet; start it with front matter: ---, title: …, ---", at: start)])
            }
            return Result(frontMatter: nil, body: text, diagnostics: [], isPage: true)
        }
        guard let end = lines.dropFirst().firstIndex(where: { let l = $0.trimmingSuffix(while: \.isWhitespace); return l == "---" || l == "..." }) else {
            return Result(frontMatter: nil, body: "", diagnostics: [.error(.missingFrontMatter, "front matter is not terminated; close it with a line '---'", at: start)])
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let body = String(repeating: "\n", count: end + 1) + lines[(end + 1)...].joined(separator: "\n")
        var diagnostics: [Diagnostic] = []
        let frontMatter = read(yaml, path: path, languages: languages, diagnostics: &diagnostics)
        return Result(frontMatter: frontMatter, body: body, diagnostics: diagnostics)
    }

    /// YAML line 1 is file line 2 (after the opening `---`).
    private static func place(_ mark: Mark?, path: String) -> SourceLocation {
        SourceLocation(path: path, line: (mark?.line ?? 0) + 1, column: mark?.column ?? 1)
    }

    private static func read(_ yaml: String, path: String, languages: LanguageCatalog, diagnostics: inout [Diagnostic]) -> FrontMatter? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            var location = place(mark(of: error), path: path)
            if case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.first,
               let repeated = repeatedKey(key, in: yaml, from: context.mark.line) {
                location = SourceLocation(path: path, line: repeated.line + 1, column: repeated.column)
            }
            diagnostics.append(.error(.invalidFrontMatterYAML, "front matter is not valid YAML: \(problem(of: error))", at: location))
            return nil
        } catch {
            diagnostics.append(.error(.invalidFrontMatterYAML, "front matter is not valid YAML: \(error)", at: place(nil, path: path)))
            return nil
        }
        guard let node, case .mapping(let mapping) = node else {
            diagnostics.append(.error(.invalidFrontMatterValue, "front matter must be a mapping of keys to values (title: …)", at: place(node?.mark, path: path)))
            return nil
        }
        var title: String?
        var frontMatter = FrontMatter(title: "")
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let location = place(keyNode.mark, path: path)
            switch key {
            case "title":
                // `title: 101` is the sheet about 101, not a number.
                title = text(value, key: key, location: location, diagnostics: &diagnostics)
            case "intro":
                if let markdown = string(value, key: key, location: location, diagnostics: &diagnostics) {
                    frontMatter.intro = intro(markdown, value: value, path: path, diagnostics: &diagnostics)
                }
            case "category":
                frontMatter.category = text(value, key: key, location: location, diagnostics: &diagnostics)
            case "updated":
                frontMatter.updated = text(value, key: key, location: location, diagnostics: &diagnostics)
            case "weight":
                if let number = value.float { frontMatter.weight = number } else {
                    diagnostics.append(.error(.invalidFrontMatterValue, "'weight' must be a number (lower sorts first)", at: location))
                }
            case "keywords":
                frontMatter.keywords = strings(value, key: key, path: path, location: location, diagnostics: &diagnostics).map(\.0)
            case "description":
                frontMatter.description = string(value, key: key, location: location, diagnostics: &diagnostics)
            case "verify":
                frontMatter.verify = verifySetting(value, location: location, place: { place($0, path: path) }, languages: languages, diagnostics: &diagnostics)
            case "listings":
                frontMatter.listings = listingsSetting(value, location: location, diagnostics: &diagnostics)
            case "kind":
                frontMatter.kind = SheetKindParser.kind(value, location: place(value.mark, path: path), diagnostics: &diagnostics)
            case "pages":
                frontMatter.pages = SheetKindParser.pages(value, location: place(value.mark, path: path), diagnostics: &diagnostics)
            case _ where ignoredKeys.contains(key):
                break
            case "summary":
                frontMatter.summary = string(value, key: key, location: location, diagnostics: &diagnostics) ?? ""
            case "tags":
                frontMatter.tags = strings(value, key: key, path: path, location: location, diagnostics: &diagnostics).map(\.0)
            case "related":
                let related = strings(value, key: key, path: path, location: location, diagnostics: &diagnostics)
                frontMatter.related = related.map(\.0)
                frontMatter.relatedLocations = related.map(\.1)
            case "dependencies":
                frontMatter.dependencies = DependencyParser.parse(value, place: { place($0, path: path) }, diagnostics: &diagnostics)
            case "twins":
                frontMatter.twins = twins(value, path: path, location: location, diagnostics: &diagnostics)
            default:
                diagnostics.append(.warning(.unknownFrontMatterKey, "unknown front matter key '\(key)' is ignored; known keys: \(knownKeys.sorted().joined(separator: ", "))", at: location))
            }
        }
        guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
            if !diagnostics.contains(where: { $0.severity == .error && $0.message.contains("'title'") }) {
                diagnostics.append(.error(.invalidFrontMatterValue, "front matter needs a 'title'", at: place(node.mark, path: path)))
            }
            return nil
        }
        frontMatter.title = title
        return frontMatter
    }

    /// Any scalar as written: `title: 101`, `updated: 2020-07-05`.
    private static func text(_ node: Node, key: String, location: SourceLocation, diagnostics: inout [Diagnostic]) -> String? {
        if case .scalar(let scalar) = node, scalar.style == .plain, node.null != nil { return nil }
        guard case .scalar(let scalar) = node else {
            diagnostics.append(.error(.invalidFrontMatterValue, "'\(key)' must be a single value, not a list or mapping", at: location))
            return nil
        }
        return scalar.string
    }

    /// `verify: true | false | [swift, python]`, in a sheet or `cheatgen.yml`.
    static func verifySetting(_ node: Node, location: SourceLocation, place: (Mark?) -> SourceLocation, languages: LanguageCatalog,
                              diagnostics: inout [Diagnostic]) -> VerifySetting? {
        if case .scalar(let scalar) = node, scalar.style == .plain, let flag = node.bool { return flag ? .all : VerifySetting.none }
        guard case .sequence(let items) = node else {
            diagnostics.append(.error(.invalidFrontMatterValue, "'verify' must be true, false or a list of languages such as [swift]", at: location))
            return nil
        }
        var names: Set<String> = []
        for item in items {
            guard let word = item.string, let language = languages.canonicalName(word) else {
                diagnostics.append(.error(.invalidFrontMatterValue, "'verify' lists '\(item.string ?? "?")', which is not a language cheatgen runs (\(languages.names))", at: place(item.mark)))
                continue
            }
            names.insert(language)
        }
        return .languages(names)
    }

    /// `listings: separate | cumulative`, in a sheet or `cheatgen.yml`.
    static func listingsSetting(_ node: Node, location: SourceLocation, diagnostics: inout [Diagnostic]) -> Listings? {
        guard case .scalar(let scalar) = node, let listings = Listings(rawValue: scalar.string) else {
            diagnostics.append(.error(.invalidFrontMatterValue, "'listings' must be separate or cumulative", at: location))
            return nil
        }
        return listings
    }

    /// The `intro:` Markdown, its lines numbered as in the file (a block scalar's text starts on
    /// the line after its key).
    private static func intro(_ markdown: String, value: Node, path: String, diagnostics: inout [Diagnostic]) -> [Block] {
        guard case .scalar(let scalar) = value else { return [] }
        let firstLine = place(scalar.mark, path: path).line + (scalar.style == .literal || scalar.style == .folded ? 1 : 0)
        let padded = String(repeating: "\n", count: max(firstLine - 1, 0)) + markdown
        let parsed = CommonMarkParser.parse(padded, path: path)
        diagnostics.append(contentsOf: parsed.diagnostics)
        return parsed.blocks
    }

    private static func string(_ node: Node, key: String, location: SourceLocation, diagnostics: inout [Diagnostic]) -> String? {
        // A plain scalar that YAML reads as a number, boolean or null is not text (`title: 42`).
        guard case .scalar(let scalar) = node,
              scalar.style != .plain || (node.int == nil && node.float == nil && node.bool == nil && node.null == nil) else {
            diagnostics.append(.error(.invalidFrontMatterValue, "'\(key)' must be a string", at: location))
            return nil
        }
        return scalar.string
    }

    private static func strings(_ node: Node, key: String, path: String, location: SourceLocation, diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)] {
        switch node {
        case .scalar(let scalar):
            // `tags: swift` is as clear as `tags: [swift]`.
            return [(scalar.string, place(scalar.mark, path: path))]
        case .sequence(let sequence):
            var result: [(String, SourceLocation)] = []
            for item in sequence {
                if case .scalar(let scalar) = item {
                    result.append((scalar.string, place(scalar.mark, path: path)))
                } else {
                    diagnostics.append(.error(.invalidFrontMatterValue, "'\(key)' must be a list of strings", at: place(item.mark, path: path)))
                }
            }
            return result
        default:
            diagnostics.append(.error(.invalidFrontMatterValue, "'\(key)' must be a list of strings", at: location))
            return []
        }
    }

    /// `twins:` maps another sheet's id to pairs `this-anchor: other-anchor`.
    private static func twins(_ node: Node, path: String, location: SourceLocation, diagnostics: inout [Diagnostic]) -> [FrontMatter.Twin] {
        let shape = "'twins' maps a sheet id to pairs of anchors, as in:  twins: {swift-concurrency: {timeouts: timeouts}}"
        guard case .mapping(let sheets) = node else {
            diagnostics.append(.error(.invalidFrontMatterValue, shape, at: location))
            return []
        }
        var result: [FrontMatter.Twin] = []
        for (sheetNode, pairs) in sheets {
            guard let sheet = sheetNode.string, case .mapping(let mapping) = pairs else {
                diagnostics.append(.error(.invalidFrontMatterValue, shape, at: place(sheetNode.mark, path: path)))
                continue
            }
            for (mine, theirs) in mapping {
                guard let anchor = mine.string, let otherAnchor = theirs.string, case .scalar = theirs else {
                    diagnostics.append(.error(.invalidFrontMatterValue, shape, at: place(mine.mark, path: path)))
                    continue
                }
                result.append(.init(anchor: anchor, otherSheet: sheet, otherAnchor: otherAnchor, location: place(mine.mark, path: path)))
            }
        }
        return result
    }

    static func mark(of error: YamlError) -> Mark? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        case .duplicatedKeysInMapping(_, let context): context.mark
        default: nil
        }
    }

    /// Yams places a duplicate key at the start of its mapping; the line to fix is the one that
    /// repeats it: the key's second occurrence from there (YAML line and column).
    static func repeatedKey(_ key: String, in yaml: String, from first: Int) -> (line: Int, column: Int)? {
        var seen = false
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= first {
            let text = line.drop { $0 == " " || $0 == "-" }
            guard [key, "\"\(key)\"", "'\(key)'"].contains(where: { text.hasPrefix($0 + ":") }) else { continue }
            if seen { return (index + 1, line.count - text.count + 1) }
            seen = true
        }
        return nil
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .reader(let problem, _, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "duplicate keys \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }
}
