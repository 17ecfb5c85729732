import Foundation
import CheatgenModel
import CheatgenVerification

/// Writes a site atomically: every file goes into a fresh folder beside the target, which then
/// replaces the target in one rename. A build that fails before the swap leaves the old site.
package struct SiteWriter {
    let destination: URL
    private let staging: URL
    private var written: Set<String> = []
    /// Folders made in the staging folder so far.
    private var folders: Set<String> = []

    /// Written into every site, so a later build knows the folder is its own to replace.
    static let marker = SiteFolder.marker

    /// Refuses an output folder that a build must not replace: the working directory or one
    /// above it, a folder holding (or inside) the sheets, or a folder cheatgen did not write.
    package static func validate(destination: String, contentPaths: [String]) throws {
        let fileManager = FileManager.default
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
        }
        func isSameOrInside(_ path: String, _ folder: String) -> Bool {
            path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
        }
        let target = absolute(destination)
        let here = absolute(fileManager.currentDirectoryPath)
        if isSameOrInside(here, target) {
            throw CheatgenError.unsafeOutput(path: destination, reason: "it would replace the current directory")
        }
        for content in contentPaths.map(absolute) where isSameOrInside(content, target) || isSameOrInside(target, content) {
            throw CheatgenError.unsafeOutput(path: destination, reason: "it holds or lies inside the sheets (\(content))")
        }
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw CheatgenError.unsafeOutput(path: destination, reason: "it is a file")
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target)) ?? []
        let ours = entries.contains(marker) || (entries.contains("index.html") && entries.contains("search-index.js"))
        if !entries.isEmpty && !ours {
            throw CheatgenError.unsafeOutput(path: destination, reason: "it is not a site cheatgen built (no \(marker) in it) and would be replaced; empty it or choose another --output")
        }
    }

    init(destination: String) throws {
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        self.destination = target
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        // What builds killed with -9 left beside the site (never a live build's).
        try FileLock.withLock(parent.path) { Leftovers.sweep(besideSite: target) }
        staging = parent.appendingPathComponent(SiteFolder.stagingName(for: self.destination.lastPathComponent, pid: ProcessInfo.processInfo.processIdentifier))
        try? FileManager.default.removeItem(at: staging)
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        ChildProcesses.shared.writing(folder: staging.path)
        try Data("Written by cheatgen build; the whole folder is replaced on every build.\n".utf8)
            .write(to: staging.appendingPathComponent(Self.marker))
    }

    /// A path the site writes must stay inside it: no `..` or empty component, not absolute.
    /// (`v1..v2.html` is a file name, not a step up.)
    private static func check(_ relativePath: String) throws {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        if relativePath.hasPrefix("/") || components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
            throw CheatgenError.outsideSite(relativePath: relativePath)
        }
    }

    mutating func write(_ data: Data, to relativePath: String) throws {
        try Self.check(relativePath)
        let url = staging.appendingPathComponent(relativePath)
        try makeFolder(of: relativePath)
        try UnsyncedFile.write(data, to: url.path)
        written.insert(relativePath)
    }

    /// Makes the folder a file goes in, once per build.
    private mutating func makeFolder(of relativePath: String) throws {
        let folder = (relativePath as NSString).deletingLastPathComponent
        guard !folder.isEmpty, folders.insert(folder).inserted else { return }
        try FileManager.default.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
    }

    /// Adds bytes to the end of a file (created empty the first time), without holding the
    /// file in memory.
    mutating func append(_ parts: [Data], to relativePath: String) throws {
        try Self.check(relativePath)
        let url = staging.appendingPathComponent(relativePath)
        if written.insert(relativePath).inserted {
            try makeFolder(of: relativePath)
            try UnsyncedFile.write(Data(), to: url.path)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        for part in parts { try handle.write(contentsOf: part) }
    }

    mutating func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Swaps the staged folder into place. Two builds at once (a `serve` and a `build`) swap
    /// one after the other: the lock is on the folder that holds the site.
    func commit() throws {
        try FileLock.withLock(destination.deletingLastPathComponent().path) { try swap() }
    }

    private func swap() throws {
        let fileManager = FileManager.default
        let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        if fileManager.fileExists(atPath: destination.path) {
            try fileManager.moveItem(at: destination, to: old)
        }
        do {
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            if fileManager.fileExists(atPath: old.path) { try? fileManager.moveItem(at: old, to: destination) }
            throw CheatgenError.file(path: destination.path, action: "move the new site into", underlying: error)
        }
        ChildProcesses.shared.finished(folder: staging.path)
        try? fileManager.removeItem(at: old)
    }

    /// Throws the staged folder away.
    func discard() {
        ChildProcesses.shared.finished(folder: staging.path)
        try? FileManager.default.removeItem(at: staging)
    }
}
