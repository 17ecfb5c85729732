import Foundation
import CheatgenModel

/// `fixture=DIR` on a session: a folder, relative to the sheet's file, whose files are copied
/// into the session's own folder before its first command.
enum SessionFixture {
    static let key = "fixture"

    /// The folder as written, if the snippet names one.
    static func written(in snippet: Snippet) -> String? {
        snippet.attributes.languageOptions.first { $0.key == key }?.value
    }

    /// The folder's absolute path, if the snippet names one.
    static func folder(of snippet: Snippet) -> String? {
        guard let written = written(in: snippet) else { return nil }
        let sheetFolder = URL(fileURLWithPath: snippet.path).deletingLastPathComponent()
        return URL(fileURLWithPath: written, relativeTo: sheetFolder).standardizedFileURL.path
    }

    /// Why the snippet's fixture cannot be used, as an error at its fence; nil when it can.
    static func problem(in snippet: Snippet) -> Diagnostic? {
        guard let written = written(in: snippet), let folder = folder(of: snippet) else { return nil }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return nil }
        let what = FileManager.default.fileExists(atPath: folder) ? "is not a folder" : "does not exist"
        return .error(.invalidAttribute, "fixture folder '\(written)' \(what) (it is looked up next to \((snippet.path as NSString).lastPathComponent))",
                      at: snippet.location)
    }

    /// What the folder holds: every file's relative path and contents, for the verdict's key.
    static func fingerprint(_ folder: String) -> String {
        let files = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []).sorted()
        return Hashing.key(files.flatMap { relative -> [String] in
            let data = FileManager.default.contents(atPath: "\(folder)/\(relative)") ?? Data()
            return [relative, Hashing.key([String(decoding: data, as: UTF8.self)])]
        })
    }
}
