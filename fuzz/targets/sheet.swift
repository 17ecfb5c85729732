// libFuzzer target over cheatgen's content pipeline: parse → extract snippets → render.
// Built and run by fuzz/run; not part of the package's products. Nothing here starts a
// process (no compiler, no Pygments): an execution is pure computation, hundreds a second;
// fuzz/run counts one that takes more than a second as a finding (a hang in the making).
@testable import CheatgenModel
@testable import CheatgenParsing
@testable import CheatgenVerification
@testable import CheatgenLanguages
@testable import CheatgenSite
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // An input with a NUL byte names its file: what comes before the NUL is the file's name
    // (without `.md`), so the fuzzer varies names as well as content (`v1..v2`, spaces,
    // any script, a leading dash). Without one, the file is fuzz.md.
    var bytes = Data(bytes: data, count: size)
    var name = "fuzz"
    if let nul = bytes.firstIndex(of: 0) {
        name = String(decoding: bytes[..<nul], as: UTF8.self).replacingOccurrences(of: "/", with: "-")
        bytes = bytes[(nul + 1)...]
        if name.isEmpty || name.hasPrefix(".") { name = "fuzz" + name }
    }
    let languages = LanguageRegistry.catalog
    let parsed = SheetParser.parse(Data(bytes), path: "content/\(name).md", options: SheetParser.Options(languages: languages))
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
    let refused = parsed.diagnostics.contains { $0.severity == .error }
    Task.detached { [builder] in
        do {
            let files = try await builder.render([SheetOutline(sheet, languages: languages)], report: report,
                                                 source: LoadedSheets([sheet], languages: languages))
            // Every file of a sheet that loaded without an error lies inside the site.
            for (path, _) in files where !refused {
                let components = path.split(separator: "/", omittingEmptySubsequences: false)
                if path.hasPrefix("/") || components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) {
                    fatalError("the site would write outside itself: \(path)")
                }
            }
        } catch {
            // A thrown error is a handled outcome; only crashes and hangs are findings.
        }
        done.signal()
    }
    done.wait()
    return 0
}
