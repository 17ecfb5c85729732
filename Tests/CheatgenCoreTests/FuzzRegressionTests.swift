import Foundation
import Testing
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite

/// Replays what the sheet fuzzer does (fuzz/targets/sheet.swift) over every input that ever crashed
/// it (fuzz/crashes/) and over every fixture: parse, extract each snippet's program, render.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static var inputs: [URL] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = [root.appendingPathComponent("fuzz/crashes"), root.appendingPathComponent("Tests/CheatgenCoreTests/Fixtures")]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
                .filter { !$0.hasDirectoryPath && !$0.lastPathComponent.hasPrefix(".") }
        }.sorted { $0.path < $1.path }
    }

    @Test func thereAreInputsToReplay() {
        #expect(Self.inputs.count >= 10)
    }

    @Test(arguments: inputs)
    func parseExtractAndRenderSurvive(_ input: URL) async throws {
        var data = try Data(contentsOf: input)
        // As the fuzz target reads its input: a name before a NUL byte names the file.
        var path = input.lastPathComponent
        if let nul = data.firstIndex(of: 0) {
            let name = String(decoding: data[..<nul], as: UTF8.self).replacingOccurrences(of: "/", with: "-")
            path = (name.isEmpty || name.hasPrefix(".") ? "fuzz" + name : name) + ".md"
            data = Data(data[(nul + 1)...])
        }
        let parsed = SheetParser.parse(data, path: path, options: parseOptions)
        guard let sheet = parsed.sheet else {
            // Rejected input must say why, at a place in the file.
            #expect(parsed.diagnostics.contains { $0.severity == .error && $0.location?.path == path })
            return
        }
        var named: [String: Snippet] = [:]
        for snippet in sheet.snippets { if let id = snippet.attributes.id { named[id] = snippet } }
        for snippet in sheet.snippets where snippet.language == "swift" {
            if case .success(let source) = SwiftSource.make(for: snippet, named: named) {
                #expect(source.text.contains("#sourceLocation(file: \"\(path)\""))
            }
        }
        let report = VerificationReport(results: [], versions: ["swift": "Swift test"])
        let files = try await SiteBuilder(configuration: Configuration(), outputDirectory: "unused").render([SheetOutline(sheet, languages: languages)], report: report, source: LoadedSheets([sheet], languages: languages))
        let page = try #require(files.first { $0.0 == "\(sheet.id).html" })
        let html = String(decoding: page.1, as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>\(HTML.escape(sheet.frontMatter.title))</h1>"))
    }
}
