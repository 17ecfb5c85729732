import Foundation
import CheatgenModel

/// `cheatgen init [DIR]`: starts a content repository — `cheatgen.yml`, a first sheet whose
/// example passes, `.gitignore`, a short README and a GitHub Actions workflow that verifies
/// on `shards` machines and publishes the site. Writes nothing if any of them already exists.
package struct InitAction: Sendable {
    package var directory: String
    package var title: String
    package var firstSheet: String
    package var siteCommitted: Bool
    package var workflow: CIWorkflow

    /// Where the generated workflow gets cheatgen unless told otherwise.
    package static let defaultCheatgenGit = "https://github.com/cheatgen/cheatgen.git"
    package static let defaultCheatgenRef = "main"

    /// The Swift release this cheatgen was built with: the CI container's, by default.
    package static var defaultSwiftVersion: String {
        #if compiler(>=6.5)
        "6.5"
        #elseif compiler(>=6.4)
        "6.4"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.1"
        #endif
    }

    package init(directory: String, title: String, firstSheet: String, siteCommitted: Bool, workflow: CIWorkflow) {
        self.directory = directory
        self.title = title
        self.firstSheet = firstSheet
        self.siteCommitted = siteCommitted
        self.workflow = workflow
    }

    /// Every file, by its path inside the repository, in the order they are listed to the user.
    package var files: [(path: String, text: String)] {
        [
            ("cheatgen.yml", RepositoryTemplate.configuration(title: title)),
            ("content/\(firstSheet).md", NewSheetAction.template(title: NewSheetAction.title(forID: firstSheet))),
            (".gitignore", RepositoryTemplate.gitignore(siteCommitted: siteCommitted)),
            ("README.md", RepositoryTemplate.readme(title: title, firstSheet: firstSheet, shards: workflow.shards, siteCommitted: siteCommitted)),
            (".github/workflows/cheatgen.yml", workflow.text),
        ]
    }

    /// Writes the files and returns their paths (as the user would type them).
    package func run() throws -> [String] {
        guard NewSheetAction.isValidID(firstSheet) else {
            throw CheatgenError.invalidSheetID(firstSheet)
        }
        let fileManager = FileManager.default
        let paths = files.map { directory == "." ? $0.path : "\(directory)/\($0.path)" }
        let existing = paths.filter { fileManager.fileExists(atPath: $0) }
        guard existing.isEmpty else {
            throw CheatgenError.wouldOverwrite(paths: existing, starting: directory)
        }
        for ((_, text), path) in zip(files, paths) {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
            } catch {
                throw CheatgenError.file(path: path, action: "write", underlying: error)
            }
        }
        return paths
    }
}
