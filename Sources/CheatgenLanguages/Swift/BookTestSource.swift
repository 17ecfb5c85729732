import CheatgenModel
import CheatgenVerification

/// The program of one of the book's tests, or of a listing a test verifies (the test's own
/// program: what the listing's verdict rests on, so it changes when the test does).
enum BookTestSource {
    /// nil for a snippet that is neither.
    static func make(for snippet: Snippet, named: [String: Snippet]) -> Result<EffectiveSource, Diagnostic>? {
        if let name = snippet.verifiedByBookTest {
            guard let test = named[BookTestScript.snippetID(forTest: name)], test.bookTestName != nil,
                  case .success(let source)? = make(for: test, named: named) else {
                return .failure(.error(.bookTestMissing, "the book's test '\(name)' under this listing cannot be found", at: snippet.location))
            }
            return .success(EffectiveSource(text: "// verified by the book's test \(name)\n" + source.text, isLibrary: false))
        }
        guard let name = snippet.bookTestName else { return nil }
        guard let script = snippet.bookTestScript else {
            return .failure(.error(.bookTestMissing, "the book's test '\(name)' could not be read", at: snippet.location))
        }
        let program = BookTestProgram(script, path: snippet.path)
        var modules: [(name: String, source: String)] = []
        for module in program.importedModules {
            guard let test = named[BookTestScript.snippetID(forTest: module)], let moduleScript = test.bookTestScript else { continue }
            modules.append((module, BookTestProgram(moduleScript, path: test.path).source))
        }
        // A test with an `@main` type is a library file whose entry point is that type, as a snippet would be.
        return .success(EffectiveSource(text: BookTestModules.join(program.source, modules: modules),
                                        isLibrary: SwiftDeclarations.hasMainAttribute(program.source)))
    }
}
