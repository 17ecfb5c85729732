import Foundation
import CheatgenModel

/// Where the built-in theme's files are, found from the running executable so that cheatgen
/// works wherever it is installed or built:
///
/// - `<prefix>/bin/cheatgen` finds `<prefix>/share/cheatgen/theme` (`make install`);
/// - a binary SwiftPM built finds the resource bundle SwiftPM put next to it.
///
/// Not `Bundle.module`: its accessor stops the process when the bundle is missing, and only
/// knows the build folder, not an installed layout.
package enum ThemeLocation {
    /// The installed layout, relative to the executable's folder.
    static let installed = "../share/cheatgen/theme"
    /// SwiftPM's resource bundle of the CheatgenSite target: a plain folder on Linux, a
    /// `.bundle` on macOS.
    static let bundleNames = ["cheatgen_CheatgenSite.resources", "cheatgen_CheatgenSite.bundle"]

    /// The theme folder; a clear error naming every place looked at when there is none.
    package static func find() throws -> URL {
        // Loaded bundles too: a test bundle run by another program (macOS's xctest) sits
        // next to the resources, not the program.
        let others = Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        let candidates = self.candidates(executableFolder: executableFolder(), bundleFolders: others)
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sheet.mustache").path) {
            return candidate
        }
        throw CheatgenError.theme(path: nil, problem: "cannot find the theme's files; looked in \(candidates.map(\.path).joined(separator: ", ")). Install cheatgen with 'make install', which puts them in <prefix>/share/cheatgen/theme next to <prefix>/bin/cheatgen")
    }

    /// The places a theme may be, best first: the installed layout next to the executable,
    /// then SwiftPM's resource bundle next to it or to another loaded bundle.
    static func candidates(executableFolder: URL?, bundleFolders: [URL] = []) -> [URL] {
        var result: [URL] = []
        if let executableFolder {
            result.append(executableFolder.appendingPathComponent(installed).standardizedFileURL)
        }
        for folder in [executableFolder].compactMap({ $0 }) + bundleFolders {
            for name in bundleNames {
                let bundle = folder.appendingPathComponent(name)
                let theme = Bundle(url: bundle)?.url(forResource: "theme", withExtension: nil) ?? bundle.appendingPathComponent("theme")
                if !result.contains(theme.standardizedFileURL) { result.append(theme.standardizedFileURL) }
            }
        }
        return result
    }

    /// The folder of the running executable, symbolic links resolved (a `cheatgen` linked
    /// into `~/bin` still finds the theme of the installation it points to).
    static func executableFolder() -> URL? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path).deletingLastPathComponent()
        }
        #endif
        guard let executable = Bundle.main.executableURL ?? CommandLine.arguments.first.map({ URL(fileURLWithPath: $0) }) else { return nil }
        return executable.resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
