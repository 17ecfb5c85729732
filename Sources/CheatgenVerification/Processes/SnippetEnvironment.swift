import Foundation
import CheatgenModel

/// The environment a snippet runs with: a small documented set, never cheatgen's own (which
/// in CI holds tokens). Variables a sheet needs are passed by name (`env:` in cheatgen.yml).
enum SnippetEnvironment {
    /// `folder` is the snippet's own temporary folder; `language` adds what its runtime needs.
    static func make(folder: String, snippet: Snippet, passing names: [String], language: [String: String],
                     outside: [String: String] = ProcessInfo.processInfo.environment) -> [String: String] {
        var environment = [
            "PATH": outside["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
            "HOME": folder,
            "TMPDIR": folder,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "dumb",
            "CHEATGEN_SNIPPET": snippet.name,
        ]
        for name in names {
            if let value = outside[name] { environment[name] = value }
        }
        environment.merge(language) { _, new in new }
        return environment
    }
}
