import Foundation
import CheatgenModel
import CheatgenVerification

/// The book's module tests: a test named `X_Module1` is also the module `X_Module1` for the
/// tests of its page that `import` it. The importing test's program carries the modules'
/// sources after its own (so its verdict changes when they do); they are built as modules
/// (`-emit-module`) before the test is compiled against them.
enum BookTestModules {
    private static let separator = "\n//# cheatgen-book-module "

    /// A test's program with the sources of the modules it imports appended.
    static func join(_ program: String, modules: [(name: String, source: String)]) -> String {
        program + modules.map { separator + $0.name + "\n" + $0.source }.joined()
    }

    /// The test's own program, and the modules' names and sources.
    static func split(_ text: String) -> (String, [(name: String, source: String)]) {
        let parts = text.components(separatedBy: separator)
        let modules = parts.dropFirst().map { part -> (name: String, source: String) in
            let newline = part.firstIndex(of: "\n") ?? part.endIndex
            return (String(part[..<newline]), String(part[newline...].dropFirst()))
        }
        return (parts[0], modules)
    }

    /// Builds each module's interface into `directory`; a module that does not build is the
    /// importing test's failure.
    static func build(_ modules: [(name: String, source: String)], in directory: String, toolchain: Toolchain, flags: [String],
                      at location: SourceLocation) async throws -> Diagnostic? {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for module in modules {
            let input = "\(directory)/\(module.name).swift"
            try module.source.write(toFile: input, atomically: false, encoding: .utf8)
            let outcome = try await ProcessRunner.run(toolchain.swiftc, arguments: [
                "-emit-module", "-parse-as-library", "-module-name", module.name, "-swift-version", "6",
                "-emit-module-path", "\(directory)/\(module.name).swiftmodule", "-diagnostic-style", "llvm", input,
            ] + flags, timeout: ToolTimeLimits.compile)
            guard outcome.succeeded else {
                return .error(.compileError, "the module '\(module.name)' that this test imports does not build", at: location,
                              details: (outcome.errorText + outcome.outputText).split(separator: "\n").prefix(10).map { "  \($0)" })
            }
        }
        return nil
    }
}
