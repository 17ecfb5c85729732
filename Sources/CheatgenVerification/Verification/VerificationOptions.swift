import CheatgenModel

/// How snippets are verified.
package struct VerificationOptions: Sendable {
    /// Compilations and runs at once.
    package var jobs: Int
    /// Seconds a snippet may run unless it says `timeout=`.
    var defaultTimeout: Double
    /// Reuse verdicts of unchanged snippets.
    var useCache: Bool
    /// Where objects, binaries, verdicts and the example package live.
    var workDirectory: String
    /// Bytes of output a snippet may print before it is stopped.
    var outputLimit: Int
    /// Keep `.cheatgen/examples/` (one SwiftPM target per snippet) in step with the sheets.
    /// Off for filtered runs, which see only some snippets.
    package var writesExamplePackage = true
    /// Where one-off notices go (a dependency build starting); nil to stay quiet.
    package var log: (@Sendable (String) -> Void)?
    /// Packages each sheet's snippets may import, by sheet id (front matter plus cheatgen.yml).
    package var dependencies: [String: [PackageDependency]] = [:]
    /// `--repeat N`: run every runnable snippet this many times; runs that disagree make it flaky.
    package var repeatCount = 1
    /// `--sanitize thread`: run every runnable snippet under the language's thread-race detector
    /// (ThreadSanitizer for Swift; languages without one ignore it).
    package var sanitizeThread = false
    /// Bytes of memory a snippet's run may use unless it says `memory=` (`memory:` in cheatgen.yml).
    package var memoryLimit = 1 << 30
    /// Processes and threads a snippet's run may have at once (where a control group enforces it).
    var processLimit = 512
    /// Snippets may reach the network (`network: true` in cheatgen.yml; `network=` on a snippet wins).
    package var network = false
    /// Names of cheatgen's environment variables passed to snippets (`env:` in cheatgen.yml).
    package var passedEnvironment: [String] = []
    /// Sheets whose snippets run one after another (`listings: cumulative`), by sheet id.
    package var cumulativeSheets: Set<String> = []
    /// Folders snippets may not change: the repository, the sheets' folders, the work directory.
    package var protectedPaths: [String] = []
    /// `cheatgen bless`: a snippet whose expected output is written in its code (a shell
    /// session) runs on past a difference, so that one run says what to write everywhere.
    package var blessing = false

    package init(jobs: Int = max(ProcessInfoCores.count, 1), defaultTimeout: Double = 10,
                useCache: Bool = true, workDirectory: String = ".cheatgen", outputLimit: Int = 4 << 20) {
        self.jobs = jobs
        self.defaultTimeout = defaultTimeout
        self.useCache = useCache
        self.workDirectory = workDirectory
        self.outputLimit = outputLimit
    }
}
