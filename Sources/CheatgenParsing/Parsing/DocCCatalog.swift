import Foundation
import CheatgenModel

/// A DocC catalog (a folder named `*.docc`) as content: every Markdown file in it and in its
/// folders, at any depth, is a page whose id is its file name. Two pages with one name in
/// different folders both stay: the one nearest the catalog's top (then first in path order)
/// keeps the name, and each other one gets its folders in front (`Reference-Intro`), with a
/// warning that says so.
enum DocCCatalog {
    struct Page {
        var path: String
        var id: String
    }

    static func isCatalog(_ path: String) -> Bool {
        let name = (path.hasSuffix("/") ? String(path.dropLast()) : path) as NSString
        return name.lastPathComponent.hasSuffix(".docc")
    }

    /// The catalog a file is in (the nearest folder above it named `*.docc`), if any.
    static func enclosing(_ file: String) -> String? {
        var folder = (file as NSString).deletingLastPathComponent
        while !folder.isEmpty, folder != "/" {
            if isCatalog(folder) { return folder }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder { break }
            folder = parent
        }
        return nil
    }

    static func pages(in catalog: String, diagnostics: inout [Diagnostic]) -> [Page] {
        let base = catalog.hasSuffix("/") ? String(catalog.dropLast()) : catalog
        var found: [(folders: [String], name: String)] = []
        collect(base, folders: [], into: &found, diagnostics: &diagnostics)
        found.sort { ($0.folders.count, $0.folders.joined(separator: "/"), $0.name) < ($1.folders.count, $1.folders.joined(separator: "/"), $1.name) }
        var owners: [String: [String]] = [:]
        var pages: [Page] = []
        for page in found {
            let id = String(page.name.dropLast(3))
            let path = ([base] + page.folders + [page.name]).joined(separator: "/")
            guard let first = owners[id] else {
                owners[id] = page.folders
                pages.append(Page(path: path, id: id))
                continue
            }
            let distinct = (page.folders + [id]).joined(separator: "-")
            let other = (first + [page.name]).joined(separator: "/")
            diagnostics.append(.warning(.duplicateSheet, "another page is named '\(id)' (\(other)); this one's id is '\(distinct)', and <doc:\(id)> links go to the other one (write <doc:\((page.folders + [id]).joined(separator: "/"))> for this one)",
                                        at: SourceLocation(path: path, line: 1)))
            pages.append(Page(path: path, id: distinct))
        }
        return pages.sorted { $0.path < $1.path }
    }

    private static func collect(_ folder: String, folders: [String], into found: inout [(folders: [String], name: String)], diagnostics: inout [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            diagnostics.append(.error(.unreadableFile, "cannot list directory: \(error.localizedDescription)", at: SourceLocation(path: folder, line: 1)))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = "\(folder)/\(name)"
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                collect(path, folders: folders + [name], into: &found, diagnostics: &diagnostics)
            } else if name.hasSuffix(".md") {
                found.append((folders, name))
            }
        }
    }
}
