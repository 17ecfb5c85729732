import Foundation
import Testing
@testable import CheatgenSite
@testable import CheatgenCore

/// `make install` puts the binary in `<prefix>/bin` and the theme in `<prefix>/share/cheatgen`;
/// the binary finds the theme from where it is, through symbolic links too.
@Suite("The installed layout, end to end", .serialized)
struct InstallLayoutTests {
    /// A prefix laid out as `make install` lays it out, from the binary under test.
    private func install(into directory: TemporaryDirectory, theme: Bool) throws -> URL {
        let executable = try Cheatgen.executable
        try directory.makeFolder("prefix/bin")
        let installed = directory.url.appendingPathComponent("prefix/bin/cheatgen")
        try FileManager.default.copyTree(at: executable, to: installed)
        if theme {
            try directory.makeFolder("prefix/share/cheatgen")
            let built = try ThemeLocation.find()
            try FileManager.default.copyTree(at: built, to: directory.url.appendingPathComponent("prefix/share/cheatgen/theme"))
        }
        return installed
    }

    @Test func theBinaryFindsTheThemeInstalledNextToIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        _ = try install(into: directory, theme: true)
        // Mark the installed copy, to see that this one is used.
        let css = "prefix/share/cheatgen/theme/style.css"
        try directory.write(try directory.read(css) + "/* the installed theme */\n", to: css)
        // Run through a link elsewhere, as `ln -s <prefix>/bin/cheatgen ~/bin/` would.
        try directory.makeFolder("elsewhere")
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/elsewhere/cheatgen", withDestinationPath: "../prefix/bin/cheatgen")
        try directory.makeFolder("work/content")
        try directory.write(NewSheetAction.template(title: "Installed"), to: "work/content/installed.md")
        let work = TemporaryDirectory(existing: directory.url.appendingPathComponent("work"))

        let result = try await Cheatgen.run(["build", "--quiet"], in: work, executable: directory.url.appendingPathComponent("elsewhere/cheatgen"))

        #expect(result.status == 0, "\(result.standardError)")
        #expect(try work.read("site/assets/style.css").hasSuffix("/* the installed theme */\n"))
    }

    @Test func aMissingThemeIsAClearError() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let installed = try install(into: directory, theme: false)
        try directory.makeFolder("work/content")
        try directory.write(NewSheetAction.template(title: "Installed"), to: "work/content/installed.md")
        let work = TemporaryDirectory(existing: directory.url.appendingPathComponent("work"))

        let result = try await Cheatgen.run(["build", "--quiet"], in: work, executable: installed)

        #expect(result.status == 2)
        let prefix = directory.url.appendingPathComponent("prefix").standardizedFileURL.resolvingSymlinksInPath().path
        #expect(result.errorLines.last?.hasPrefix("cheatgen: error: cannot find the theme's files; looked in \(prefix)/share/cheatgen/theme, ") == true,
                "\(result.errorLines)")
        #expect(result.errorLines.last?.hasSuffix("Install cheatgen with 'make install', which puts them in <prefix>/share/cheatgen/theme next to <prefix>/bin/cheatgen") == true)
        #expect(!work.exists("site"), "nothing is written")
    }
}
