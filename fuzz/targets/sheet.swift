// libFuzzer target over cheatgen's content pipeline: parse → extract snippets → render.
// Built and run by fuzz/run; not part of the package's products. Nothing here starts a
// process (no compiler, no Pygments): an execution is pure computation, hundreds a second.
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite
@testable import CheatgenCore
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let languages = LanguageRegistry.catalog
    let parsed = SheetParser.parse(bytes, path: "fuzz.md", options: SheetParser.Options(languages: languages))
    for diagnostic in parsed.diagnostics { _ = diagnostic.formatted }
    guard let sheet = parsed.sheet else { return 0 }
    _ = CrossReferences.check([SheetOutline(sheet, languages: languages)])

    // Extract: every snippet's program, as verification would build it.
    var named: [String: Snippet] = [:]
    for snippet in sheet.snippets {
        if let id = snippet.attributes.id { named[id] = snippet }
    }
    for snippet in sheet.snippets {
        _ = LanguageRegistry.program(for: snippet, named: named)
        _ = snippet.visibleCode
    }

    // Render: the sheet's page, index, search index — with nothing verified, and no Pygments.
    let report = VerificationReport(results: [], versions: ["swift": "Swift fuzz"])
    var builder = SiteBuilder(configuration: Configuration(), outputDirectory: "/nonexistent")
    builder.highlightsWithPygments = false
    let done = DispatchSemaphore(value: 0)
    Task.detached { [builder] in
        do {
            _ = try await builder.render([SheetOutline(sheet, languages: languages)], report: report, source: LoadedSheets([sheet], languages: languages))
        } catch {
            // A thrown error is a handled outcome; only crashes and hangs are findings.
        }
        done.signal()
    }
    done.wait()
    return 0
}
