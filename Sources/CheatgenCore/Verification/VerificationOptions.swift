/// How snippets are verified.
public struct VerificationOptions: Sendable {
    /// Compilations and runs at once.
    public var jobs: Int
    /// Seconds a snippet may run unless it says `timeout=`.
    public var defaultTimeout: Double
    /// Added to every snippet's compile command (from `cheatgen.yml`).
    public var extraCompilerFlags: [String]
    /// Reuse verdicts of unchanged snippets.
    public var useCache: Bool
    /// Where objects, binaries, verdicts and the example package live.
    public var workDirectory: String
    /// Bytes of output a snippet may print before it is stopped.
    public var outputLimit: Int
    /// Keep `.cheatgen/examples/` (one SwiftPM target per snippet) in step with the sheets.
    /// Off for filtered runs, which see only some snippets.
    public var writesExamplePackage = true
    /// Where one-off notices go (a dependency build starting); nil to stay quiet.
    public var log: (@Sendable (String) -> Void)?
    /// Packages each sheet's snippets may import, by sheet id (front matter plus cheatgen.yml).
    public var dependencies: [String: [PackageDependency]] = [:]
    /// `--repeat N`: run every runnable snippet this many times; runs that disagree make it flaky.
    public var repeatCount = 1
    /// `--sanitize thread`: compile and run every runnable Swift snippet under ThreadSanitizer.
    public var sanitizeThread = false
    /// `warnings: error` in cheatgen.yml: a compiler warning fails its snippet.
    public var warningsAsErrors = false
    /// Bytes of memory a snippet's run may use unless it says `memory=` (`memory:` in cheatgen.yml).
    public var memoryLimit = 1 << 30
    /// Processes and threads a snippet's run may have at once (where a control group enforces it).
    public var processLimit = 512
    /// Snippets may reach the network (`network: true` in cheatgen.yml; `network=` on a snippet wins).
    public var network = false
    /// Names of cheatgen's environment variables passed to snippets (`env:` in cheatgen.yml).
    public var passedEnvironment: [String] = []
    /// Folders snippets may not change: the repository, the sheets' folders, the work directory.
    public var protectedPaths: [String] = []

    public init(jobs: Int = max(ProcessInfoCores.count, 1), defaultTimeout: Double = 10, extraCompilerFlags: [String] = [],
                useCache: Bool = true, workDirectory: String = ".cheatgen", outputLimit: Int = 4 << 20) {
        self.jobs = jobs
        self.defaultTimeout = defaultTimeout
        self.extraCompilerFlags = extraCompilerFlags
        self.useCache = useCache
        self.workDirectory = workDirectory
        self.outputLimit = outputLimit
    }
}
