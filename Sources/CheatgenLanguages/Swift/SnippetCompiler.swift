import Foundation
import CheatgenModel
import CheatgenVerification

/// Compiles one snippet as its own module into an object file whose entry point is renamed,
/// so many snippets can be linked into one binary and each keeps its own top-level semantics.
struct SnippetCompiler: Sendable {
    let toolchain: Toolchain
    let extraFlags: [String]
    let objectDirectory: String
    /// `-swift-version`: 6 unless a snippet asks for `language-mode=5`.
    var languageMode = "6"
    /// The frontend jobs for top-level code and for `@main` files, when the driver could be skipped.
    var frontend: (script: FrontendInvocation?, library: FrontendInvocation?) = (nil, nil)

    /// Learns the frontend jobs for these flags (once per compiler binary and flags, then remembered).
    mutating func learnFrontend(cacheDirectory: String) async {
        frontend = await Self.learnFrontend(swiftc: toolchain.swiftc, extraFlags: extraFlags, languageMode: languageMode,
                                            cacheDirectory: cacheDirectory)
    }

    /// The jobs for top-level code and for `@main` files, asked of the driver at the same time.
    /// `CheckAction` calls this early, while the sheets are still being read.
    @discardableResult
    static func learnFrontend(swiftc: String, extraFlags: [String], languageMode: String = "6", cacheDirectory: String) async
        -> (script: FrontendInvocation?, library: FrontendInvocation?) {
        func arguments(library: Bool) -> [String] {
            baseArguments(module: FrontendInvocation.module, entry: FrontendInvocation.entry, isLibrary: library,
                          input: FrontendInvocation.input, output: FrontendInvocation.output, extraFlags: extraFlags,
                          languageMode: languageMode)
        }
        async let script = FrontendInvocation.learn(swiftc: swiftc, arguments: arguments(library: false), cacheDirectory: cacheDirectory)
        async let library = FrontendInvocation.learn(swiftc: swiftc, arguments: arguments(library: true), cacheDirectory: cacheDirectory)
        return await (script, library)
    }

    enum Outcome: Sendable {
        /// `messages`: what the compiler said while compiling it (warnings), kept with the object.
        case compiled(objectPath: String, messages: String)
        case rejected(output: String)
    }

    /// What a compile that ran out of time reports (a verdict that is not cached).
    static let compileTimedOut = "error: the compiler took more than \(ToolTimeLimits.describe(ToolTimeLimits.compile))"

    static func entryPoint(for snippet: Snippet) -> String { "cheatgen_main_\(snippet.symbolName)" }
    static func moduleName(for snippet: Snippet) -> String { "S_\(snippet.symbolName)" }

    func arguments(for snippet: Snippet, source: EffectiveSource, input: String, output: String) -> [String] {
        Self.baseArguments(module: Self.moduleName(for: snippet), entry: Self.entryPoint(for: snippet), isLibrary: source.isLibrary,
                           input: input, output: output, extraFlags: extraFlags, languageMode: languageMode)
    }

    /// Line tables (`-gline-tables-only`, no other debug info) let a trap's backtrace and
    /// ThreadSanitizer's reports name the sheet's lines, at no measurable cost to the compile.
    private static func baseArguments(module: String, entry: String, isLibrary: Bool, input: String, output: String,
                                      extraFlags: [String], languageMode: String) -> [String] {
        var arguments = [
            "-c", input, "-o", output,
            "-module-name", module,
            "-swift-version", languageMode, "-Onone", "-gline-tables-only",
            "-diagnostic-style", "llvm",
            "-Xfrontend", "-entry-point-function-name", "-Xfrontend", entry,
        ]
        if isLibrary { arguments.append("-parse-as-library") }
        return arguments + extraFlags
    }

    /// The command for one snippet: the frontend job directly when it is known, else the driver.
    func command(for snippet: Snippet, source: EffectiveSource, input: String, output: String) -> (String, [String]) {
        if let invocation = source.isLibrary ? frontend.library : frontend.script {
            return invocation.command(input: input, output: output, module: Self.moduleName(for: snippet), entry: Self.entryPoint(for: snippet))
        }
        return (toolchain.swiftc, arguments(for: snippet, source: source, input: input, output: output))
    }

    /// The cache key of the object: everything the compiler sees.
    func objectKey(for snippet: Snippet, source: EffectiveSource) -> String {
        Hashing.key(["object-v2", toolchain.version, Self.moduleName(for: snippet), String(source.isLibrary), languageMode,
                     extraFlags.joined(separator: " "), source.text])
    }

    /// Compiles, reusing an object already built from the same key.
    func compile(_ snippet: Snippet, source: EffectiveSource, key: String, scratch: String) async throws -> Outcome {
        let object = "\(objectDirectory)/\(key).o"
        // An object is reused only when it and its warnings validate; else it is compiled again.
        if let messages = CompiledObject.cached(object) { return .compiled(objectPath: object, messages: messages) }
        let input = "\(scratch)/\(snippet.symbolName).swift"
        try source.text.write(toFile: input, atomically: false, encoding: .utf8)
        let temporary = CacheFile.temporaryName(for: object)
        let (executable, arguments) = command(for: snippet, source: source, input: input, output: temporary)
        let outcome = try await ProcessRunner.run(executable, arguments: arguments, timeout: ToolTimeLimits.compile)
        guard outcome.succeeded else {
            try? FileManager.default.removeItem(atPath: temporary)
            let text = outcome.errorText + outcome.outputText
            return .rejected(output: outcome.timedOut ? Self.compileTimedOut : text)
        }
        let messages = outcome.errorText + outcome.outputText
        CompiledObject.publish(temporary, as: object, messages: messages)
        return .compiled(objectPath: object, messages: messages)
    }
}
