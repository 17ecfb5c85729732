import Foundation
import CheatgenModel
import CheatgenVerification

/// Verifies the Swift book's own tests alongside the other Swift snippets, on the same
/// machinery: a test that expects an error is compiled and its diagnostics checked
/// (`BookTestDiagnostics`); any other is compiled, linked and run with the snippets, its
/// output checked against its expected lines (with `SWIFT_DETERMINISTIC_HASHING=1`, so a
/// `Set`'s or a `Dictionary`'s order is the one the book printed) or its trap expected. A test
/// that imports another test's module (`import X_Module1`) is compiled against that module.
/// A listing that a test right under it verifies takes that test's verdict.
struct BookTestVerifier {
    let swift: SwiftVerifier

    /// What a verdict's notes say when the book's test verified a listing (the badge names it).
    static let verifiedNote = "swift.book-test"

    func verify(_ snippets: [PreparedSnippet], context: VerificationContext) async throws -> [SnippetResult] {
        var ordinary: [PreparedSnippet] = []
        var listings: [PreparedSnippet] = []
        var results: [SnippetResult] = []
        var runs: [String: BookTestProgram] = [:]
        var checkedApart: [(PreparedSnippet, BookTestProgram)] = []
        for prepared in snippets {
            if prepared.snippet.verifiedByBookTest != nil {
                listings.append(prepared)
                continue
            }
            guard let script = prepared.snippet.bookTestScript else {
                ordinary.append(prepared)
                continue
            }
            let program = BookTestProgram(script, path: prepared.snippet.path)
            if let reason = program.skipReason {
                results.append(context.report(SnippetResult(snippet: prepared.snippet, status: .skipped, diagnostics: [
                    .warning(.notVerified, "the book's test '\(program.name)' is skipped: \(reason)", at: prepared.snippet.location)])))
            } else if program.expectsErrors || !program.diagnostics.isEmpty || !BookTestModules.split(prepared.source.text).1.isEmpty {
                checkedApart.append((prepared, program))
            } else {
                ordinary.append(runnable(prepared, program))
                runs[prepared.snippet.symbolName] = program
            }
        }
        // Compile-fail checks, tests against another test's module, and tests that expect
        // warnings (checked here, then run with the others).
        let apart = try await forEachConcurrently(checkedApart, width: context.options.jobs) { prepared, program in
            try await check(prepared, program, context: context)
        }
        for (result, run) in apart {
            if let result { results.append(result) }
            if let (prepared, program) = run {
                ordinary.append(runnable(prepared, program))
                runs[prepared.snippet.symbolName] = program
            }
        }
        for result in try await swift.verifyPrograms(ordinary, context: context) {
            if let program = runs[result.snippet.symbolName] {
                results.append(Self.mapped(result, program))
            } else {
                results.append(result)
            }
        }
        return results + verdicts(of: listings, from: results, context: context)
    }

    /// The test as the run machinery takes it: its expected output, and a trap for `xx`.
    private func runnable(_ prepared: PreparedSnippet, _ program: BookTestProgram) -> PreparedSnippet {
        var prepared = prepared
        var expected = program.output
        if let trap = program.trap {
            prepared.snippet.attributes.mode = .shouldCrash
            prepared.snippet.location = SourceLocation(path: prepared.snippet.path, line: trap.line, column: 1)
            expected = expected.filter { $0.line < trap.line }
        } else {
            prepared.snippet.attributes.mode = .run
        }
        // A test that expects no output line at all is run, its output not compared.
        guard !program.output.isEmpty else { return prepared }
        // Line 0 of the file: a mismatch at the k-th expected line is reported at line k + 1,
        // which `mapped` turns into that line's own Markdown line.
        prepared.snippet.expectedOutput = Expectation(text: expected.map { $0.text + "\n" }.joined(),
                                                      location: SourceLocation(path: prepared.snippet.path, line: 0))
        return prepared
    }

    /// A run's verdict, its output mismatch placed at the expected line that differs and its
    /// expected warnings left out.
    static func mapped(_ result: SnippetResult, _ program: BookTestProgram) -> SnippetResult {
        var result = result
        let expectedWarnings = Set(program.diagnostics.filter { $0.severity == .warning }.map(\.message))
        result.diagnostics = result.diagnostics.compactMap { diagnostic in
            var diagnostic = diagnostic
            if diagnostic.severity == .warning, expectedWarnings.contains(diagnostic.message) { return nil }
            if diagnostic.id == .outputMismatch, let location = diagnostic.location, location.line == 0 || location.line <= program.output.count + 1 {
                let index = location.line - 1
                let line = program.output.indices.contains(index) ? program.output[index].line : (program.output.last?.line ?? result.snippet.location.line)
                diagnostic.location = SourceLocation(path: location.path, line: line, column: 1)
                diagnostic.message = "the book's test '\(program.name)' printed other lines than its expected output"
            }
            if diagnostic.severity == .error {
                diagnostic.notes.append(Diagnostic(.note, .note, at: result.snippet.location, "in the book's test '\(program.name)'"))
            }
            return diagnostic
        }
        return result
    }

    /// Compiles a test whose diagnostics are checked (or that imports another test's module):
    /// its verdict, or, for one that compiled as expected and must also run, the run to make.
    private func check(_ prepared: PreparedSnippet, _ program: BookTestProgram, context: VerificationContext) async throws
        -> (SnippetResult?, (PreparedSnippet, BookTestProgram)?) {
        let snippet = prepared.snippet
        let started = ContinuousClock.now
        var flags = swift.extraFlags
        let (own, modules) = BookTestModules.split(prepared.source.text)
        if !modules.isEmpty {
            let directory = "\(context.scratch)/modules-\(snippet.symbolName)"
            if let problem = try await BookTestModules.build(modules, in: directory, toolchain: swift.toolchain, flags: swift.extraFlags, at: snippet.location) {
                return (context.report(SnippetResult(snippet: snippet, status: .failed, diagnostics: [problem])), nil)
            }
            flags += ["-I", directory]
        }
        var compiler = SnippetCompiler(toolchain: swift.toolchain, extraFlags: flags, objectDirectory: "\(swift.workDirectory)/objects")
        await compiler.learnFrontend(cacheDirectory: swift.workDirectory)
        let source = EffectiveSource(text: own, isLibrary: prepared.source.isLibrary)
        let key = (program.expectsErrors ? "reject-" : "") + compiler.objectKey(for: snippet, source: source)
        let output: String
        var compiled = false
        switch try await compiler.compile(snippet, source: source, key: key, scratch: context.scratch) {
        case .compiled(let path, let messages):
            output = messages
            compiled = true
            if program.expectsErrors {
                try? FileManager.default.removeItem(atPath: path)
                try? FileManager.default.removeItem(atPath: CompiledObject.messagesFile(of: path))
            }
        case .rejected(let text):
            output = text
        }
        var problems = BookTestDiagnostics.problems(program, compilerOutput: output, path: snippet.path)
        if program.expectsErrors, compiled {
            problems.insert(.error(.unexpectedlyCompiled, "the book's test '\(program.name)' was expected not to compile, but it compiled", at: snippet.location), at: 0)
        } else if !program.expectsErrors, !compiled {
            problems = SwiftVerifier.compileFailure(snippet, output: output) + problems
        }
        let errors = SwiftErrorReader().errorMessages(in: output)
        var result = SnippetResult(snippet: snippet, status: problems.isEmpty ? .passed : .failed, diagnostics: problems,
                                   compilerErrors: errors, duration: context.seconds(since: started))
        result.isCompileFailure = program.expectsErrors || !compiled
        if program.expectsErrors {
            result.snippet.attributes.mode = .compileFail
            return (context.report(result), nil)
        }
        if !problems.isEmpty { return (context.report(result), nil) }
        if !modules.isEmpty {
            // Linked into the runner it could not be (its module is its own); compiled is what it checks.
            result.snippet.attributes.mode = .compileOnly
            return (context.report(result), nil)
        }
        return (nil, (prepared, program))
    }

    /// Each listing's verdict is its test's: passed, failed or skipped with it.
    private func verdicts(of listings: [PreparedSnippet], from results: [SnippetResult], context: VerificationContext) -> [SnippetResult] {
        var byTest: [String: SnippetResult] = [:]
        for result in results {
            if result.snippet.bookTestName != nil, let key = result.snippet.bookTestKey { byTest[key] = result }
        }
        return listings.map { prepared in
            let snippet = prepared.snippet
            let name = snippet.verifiedByBookTest ?? ""
            guard let test = snippet.bookTestKey.flatMap({ byTest[$0] }) else {
                return context.report(SnippetResult(snippet: snippet, status: .skipped, diagnostics: [
                    Diagnostic(.note, .note, at: snippet.location, "this listing is verified by the book's test '\(name)', which this run did not include")]))
            }
            var result = SnippetResult(snippet: snippet, status: test.status, duration: 0)
            // Cached exactly when its test's verdict is, so the two never disagree.
            result.isCompileFailure = test.isCompileFailure
            if test.status != .passed {
                result.diagnostics = [Diagnostic(.note, .note, at: snippet.location, "this listing is verified by the book's test '\(name)', which \(test.status == .failed ? "failed" : "was skipped")")]
            }
            result.checks.notes = [Self.verifiedNote]
            return context.report(result)
        }
    }
}
