import Foundation
import CheatgenModel
import CheatgenVerification
import CheatgenLanguages

/// `cheatgen bless`: run the selected snippets and write what they actually printed (or, for
/// `compile-fail`, the compiler's message) into their sheets. Files are replaced atomically;
/// snippets that crashed, timed out or did not compile are refused, never written.
package struct BlessAction: Sendable {
    package var check: CheckAction

    package init(check: CheckAction) {
        self.check = check
    }

    package struct Outcome: Sendable {
        package var blessed: Int
        package var refused: Int
        package var filesChanged: [String]
    }

    package func run() async throws -> Outcome {
        let console = check.console
        let (configuration, content, bag) = await check.load()
        for diagnostic in bag.sorted { console.err(diagnostic.formatted) }
        if bag.hasErrors {
            throw CheatgenError.blessNeedsCleanSheets
        }
        let snippets = check.selectedSnippets(content.sheets)
        let report = try await check.verify(snippets, sheets: content.sheets, configuration: configuration, useCache: false, blessing: true)
        if ChildProcesses.shared.interrupted { throw CheatgenError.interrupted }

        var editsByFile: [String: [Blesser.Edit]] = [:]
        var refused = 0
        for result in report.results {
            switch Blesser.decide(result) {
            case .unchanged: break
            case .write(let edits): editsByFile[result.snippet.path, default: []].append(contentsOf: edits)
            case .refuse(let reason):
                refused += 1
                console.err(Diagnostic.warning(.notBlessed, "not blessing \(result.snippet.name): \(reason)", at: result.snippet.location).formatted)
            }
        }
        var blessed = 0
        var changed: [String] = []
        for path in editsByFile.keys.sorted() {
            let edits = editsByFile[path]!
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let original = String(data: data, encoding: .utf8) else { throw CheatgenError.cannotRewrite(path: path, reason: "is not valid UTF-8") }
            if original.unicodeScalars.enumerated().contains(where: { index, scalar in
                scalar == "\r" && original.unicodeScalars.dropFirst(index + 1).first != "\n"
            }) {
                throw CheatgenError.cannotRewrite(path: path, reason: "uses bare CR line endings; bless only rewrites LF or CRLF files")
            }
            let updated = Blesser.apply(edits, to: original)
            try AtomicFile.write(Data(updated.utf8), to: path)
            for edit in edits {
                let at = edit.codeLines.map { SourceLocation(path: path, line: $0.lowerBound) } ?? edit.snippet.location
                console.err(Diagnostic(.note, .blessed, at: at, "blessed the \(edit.language) of \(edit.snippet.name)").formatted)
            }
            blessed += Set(edits.map(\.snippet.name)).count
            changed.append(path)
        }
        console.out("blessed \(blessed) snippet\(blessed == 1 ? "" : "s") in \(changed.count) file\(changed.count == 1 ? "" : "s")"
                    + (refused > 0 ? "; refused \(refused)" : ""))
        return Outcome(blessed: blessed, refused: refused, filesChanged: changed)
    }
}

/// Replaces a file in one rename, keeping its permissions: a reader sees the old file or the
/// new one, never half of each.
enum AtomicFile {
    static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).cheatgen-\(ProcessInfo.processInfo.processIdentifier)")
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions]
        do {
            try data.write(to: temporary)
            if let permissions { try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path) }
            guard rename(temporary.path, path) == 0 else { throw SystemError(errno) }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CheatgenError.file(path: path, action: "write", underlying: error)
        }
    }
}
