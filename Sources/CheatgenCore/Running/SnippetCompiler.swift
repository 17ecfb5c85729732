import Foundation

/// Compiles one snippet as its own module into an object file whose entry point is renamed,
/// so many snippets can be linked into one binary and each keeps its own top-level semantics.
struct SnippetCompiler: Sendable {
    let toolchain: Toolchain
    let extraFlags: [String]
    let objectDirectory: String
    /// The frontend jobs for top-level code and for `@main` files, when the driver could be skipped.
    var frontend: (script: FrontendInvocation?, library: FrontendInvocation?) = (nil, nil)

    /// Learns the frontend jobs for these flags (once per compiler binary and flags, then remembered).
    mutating func learnFrontend(cacheDirectory: String) async {
        frontend = await Self.learnFrontend(swiftc: toolchain.swiftc, extraFlags: extraFlags, cacheDirectory: cacheDirectory)
    }

    /// The jobs for top-level code and for `@main` files, asked of the driver at the same time.
    /// `CheckAction` calls this early, while the sheets are still being read.
    @discardableResult
    static func learnFrontend(swiftc: String, extraFlags: [String], cacheDirectory: String) async
        -> (script: FrontendInvocation?, library: FrontendInvocation?) {
        func arguments(library: Bool) -> [String] {
            baseArguments(module: FrontendInvocation.module, entry: FrontendInvocation.entry, isLibrary: library,
                          input: FrontendInvocation.input, output: FrontendInvocation.output, extraFlags: extraFlags)
        }
        async let script = FrontendInvocation.learn(swiftc: swiftc, arguments: arguments(library: false), cacheDirectory: cacheDirectory)
        async let library = FrontendInvocation.learn(swiftc: swiftc, arguments: arguments(library: true), cacheDirectory: cacheDirectory)
        return await (script, library)
    }

    enum Outcome: Sendable {
        case compiled(objectPath: String)
        case rejected(output: String)
    }

    static func entryPoint(for snippet: Snippet) -> String { "cheatgen_main_\(snippet.symbolName)" }
    static func moduleName(for snippet: Snippet) -> String { "S_\(snippet.symbolName)" }

    func arguments(for snippet: Snippet, source: EffectiveSource, input: String, output: String) -> [String] {
        Self.baseArguments(module: Self.moduleName(for: snippet), entry: Self.entryPoint(for: snippet), isLibrary: source.isLibrary,
                           input: input, output: output, extraFlags: extraFlags)
    }

    private static func baseArguments(module: String, entry: String, isLibrary: Bool, input: String, output: String,
                                      extraFlags: [String]) -> [String] {
        var arguments = [
            "-c", input, "-o", output,
            "-module-name", module,
            "-swift-version", "6", "-Onone",
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
        Hashing.key([toolchain.version, Self.moduleName(for: snippet), String(source.isLibrary), extraFlags.joined(separator: " "), source.text])
    }

    /// Compiles, reusing an object already built from the same key.
    func compile(_ snippet: Snippet, source: EffectiveSource, key: String, scratch: String) async throws -> Outcome {
        let object = "\(objectDirectory)/\(key).o"
        if FileManager.default.fileExists(atPath: object) { return .compiled(objectPath: object) }
        let input = "\(scratch)/\(snippet.symbolName).swift"
        try source.text.write(toFile: input, atomically: false, encoding: .utf8)
        let temporary = "\(object).\(ProcessInfo.processInfo.processIdentifier).tmp"
        let (executable, arguments) = command(for: snippet, source: source, input: input, output: temporary)
        let outcome = try await ProcessRunner.run(executable, arguments: arguments, timeout: .seconds(300))
        guard outcome.succeeded else {
            try? FileManager.default.removeItem(atPath: temporary)
            let text = outcome.errorText + outcome.outputText
            return .rejected(output: outcome.timedOut ? "error: the compiler took more than 300 seconds" : text)
        }
        _ = rename(temporary, object)
        return .compiled(objectPath: object)
    }
}
