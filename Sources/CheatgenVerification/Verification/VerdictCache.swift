import Foundation
import CheatgenModel

/// Verdicts of snippets that passed — and of those the compiler rejected, which fail the same
/// way for the same source — keyed by everything that decides them. Safe to delete at any
/// time; portable between machines with the same toolchain (the key includes its version).
struct VerdictCache: Sendable {
    let directory: String

    struct Entry: Codable, Sendable {
        var compilerErrors: [String]
        var duration: Double
        /// Nil in entries of passes written before failures were cached.
        var failed: Bool? = nil
        /// What the verdict reports: the errors of a failure, the warnings of a pass.
        var diagnostics: [CachedDiagnostic]? = nil
        var checks: SnippetResult.Checks? = nil

        init(_ result: SnippetResult) {
            compilerErrors = result.compilerErrors
            duration = result.duration
            failed = result.status == .failed
            diagnostics = result.diagnostics.isEmpty ? nil : result.diagnostics.map(CachedDiagnostic.init)
            checks = result.checks
        }

        /// The verdict again, for `snippet`, without compiling or running anything.
        func result(for snippet: Snippet) -> SnippetResult {
            var result = SnippetResult(snippet: snippet, status: failed == true ? .failed : .passed,
                                       diagnostics: (diagnostics ?? []).map(\.diagnostic),
                                       compilerErrors: compilerErrors, duration: duration, cached: true)
            result.checks = checks ?? .init()
            result.isCompileFailure = failed == true
            return result
        }
    }

    /// A `Diagnostic` as stored: every field, notes included.
    struct CachedDiagnostic: Codable, Sendable {
        var severity: String
        var id: String?
        var path: String?
        var line: Int?
        var column: Int?
        var message: String
        var details: [String]
        var notes: [CachedDiagnostic]

        init(_ diagnostic: Diagnostic) {
            severity = diagnostic.severity.rawValue
            id = diagnostic.id.rawValue
            path = diagnostic.location?.path
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            message = diagnostic.message
            details = diagnostic.details
            notes = diagnostic.notes.map(CachedDiagnostic.init)
        }

        var diagnostic: Diagnostic {
            let location = path.map { SourceLocation(path: $0, line: line ?? 1, column: column ?? 1) }
            return Diagnostic(Diagnostic.Severity(rawValue: severity) ?? .error, DiagnosticID(rawValue: id ?? DiagnosticID.note.rawValue), at: location, message,
                              details: details, notes: notes.map(\.diagnostic))
        }
    }

    /// The entry for `key`, or nil when there is none or it does not validate (a miss).
    func lookup(_ key: String) -> Entry? {
        CacheFile.readJSON(Entry.self, from: path(for: key))
    }

    func store(_ entry: Entry, for key: String) {
        CacheFile.writeJSON(entry, to: path(for: key))
    }

    private func path(for key: String) -> String { "\(directory)/\(key).json" }
}
