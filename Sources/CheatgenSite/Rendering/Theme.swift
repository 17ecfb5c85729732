import Foundation
import Mustache
import CheatgenModel
import CheatgenParsing

/// The templates and static files a site is made from, shipped as package resources.
struct Theme: Sendable {
    let library: MustacheLibrary
    /// Files copied as they are into `assets/`: name → bytes.
    let assets: [String: Data]

    static let templateNames = ["layout-head", "site-header", "site-footer", "snippet", "sheet", "index", "404", "compare", "compare-moved"]
    static let assetNames = ["style.css", "search.js", "snippets.js"]

    /// The built-in theme, loaded once per process.
    static func builtIn() throws -> Theme {
        try cachedBuiltIn.get()
    }

    private static let cachedBuiltIn = Result { try loadBuiltIn() }

    private static func loadBuiltIn() throws -> Theme {
        try load(from: ThemeLocation.find())
    }

    static func load(from folder: URL) throws -> Theme {
        // Everything `{{…}}` prints goes through the site's one escaping function.
        MustacheContentTypes.register(EscapingContentType(), named: "HTML")
        var library = MustacheLibrary()
        for name in templateNames {
            let url = folder.appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw CheatgenError.file(path: url.path, action: "read the theme template")
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw CheatgenError.theme(path: url.path, problem: "is not valid Mustache: \(error)")
            }
        }
        var assets: [String: Data] = [:]
        for name in assetNames {
            let url = folder.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url) else { throw CheatgenError.file(path: url.path, action: "read the theme file") }
            assets[name] = data
        }
        return Theme(library: library, assets: assets)
    }

    func render(_ view: Any, template: String) throws -> String {
        guard let html = library.render(view, withTemplate: template) else {
            throw CheatgenError.theme(path: nil, problem: "theme has no template '\(template)'")
        }
        return html
    }

    private struct EscapingContentType: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }
}
