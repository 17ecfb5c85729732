import Foundation

/// The `swift-frontend` command the driver would run for one snippet, learned once by asking
/// `swiftc -###` with placeholder names and reused with each snippet's own. Skipping the driver
/// process saves about 40% of every compile (0.08 s instead of 0.13 s here); the job is
/// exactly the driver's, so the compiled object is the same.
struct FrontendInvocation: Sendable, Codable {
    static let input = "cheatgen-placeholder-input.swift"
    static let output = "cheatgen-placeholder-output.o"
    static let module = "CheatgenPlaceholderModule"
    static let entry = "cheatgen_placeholder_entry"
    /// The second of a module's files, in a plan for several (`learnModule`).
    static let secondInput = "cheatgen-placeholder-second.swift"

    /// The frontend executable and its arguments, with the placeholders above in them.
    var words: [String]

    /// The driver's job for `arguments`, learned once per compiler binary (`DriverPlan`). Nil
    /// when the driver plans anything but a single frontend job: then the driver is used.
    static func learn(swiftc: String, arguments: [String], cacheDirectory: String) async -> FrontendInvocation? {
        await DriverPlan.learn("frontend-v2", swiftc: swiftc, arguments: arguments, cacheDirectory: cacheDirectory) { jobs in
            guard jobs.count == 1, let words = jobs.first,
                  words.count > 2, words[0].hasSuffix("swift-frontend"), words[1] == "-frontend",
                  words.contains(input), words.contains(output), words.contains(module), words.contains(entry) else { return nil }
            return FrontendInvocation(words: words)
        }
    }

    /// The driver's job for compiling several files as one module (`arguments` name two,
    /// `input` then `secondInput`), learned as `learn` does. Nil unless it is one frontend job
    /// that lists the two files side by side, so any number of files can take their place.
    static func learnModule(swiftc: String, arguments: [String], cacheDirectory: String) async -> FrontendInvocation? {
        await DriverPlan.learn("frontend-module-v1", swiftc: swiftc, arguments: arguments, cacheDirectory: cacheDirectory,
                               recognise: recogniseModule)
    }

    /// The plan for a module of several files, if `jobs` is one frontend job naming the two
    /// placeholder files once each, side by side, and the placeholder output and module.
    static func recogniseModule(_ jobs: [[String]]) -> FrontendInvocation? {
        guard jobs.count == 1, let words = jobs.first,
              words.count > 2, words[0].hasSuffix("swift-frontend"), words[1] == "-frontend",
              let first = words.firstIndex(of: input), first + 1 < words.count, words[first + 1] == secondInput,
              words.filter({ $0 == input || $0 == secondInput }).count == 2,
              words.contains(output), words.contains(module) else { return nil }
        return FrontendInvocation(words: words)
    }

    /// The command for a module of `inputs` (a plan from `learnModule`).
    func command(inputs: [String], output: String, module: String) -> (String, [String]) {
        replacing([Self.input: inputs, Self.secondInput: [], Self.output: [output], Self.module: [module]])
    }

    /// The command for one snippet.
    func command(input: String, output: String, module: String, entry: String) -> (String, [String]) {
        replacing([Self.input: [input], Self.output: [output], Self.module: [module], Self.entry: [entry]])
    }

    /// The program and its arguments, each placeholder word replaced by its words.
    private func replacing(_ replacements: [String: [String]]) -> (String, [String]) {
        let replaced = words.flatMap { replacements[$0] ?? [$0] }
        return (replaced[0], Array(replaced.dropFirst()))
    }
}
