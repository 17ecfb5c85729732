/// What one run of a snippet may use and must meet: its attributes over the run's options,
/// worked out once when the snippet is prepared, then handed to the process that runs it and
/// to the judge that words a failure.
public struct RunLimits: Hashable, Sendable {
    /// Seconds before the run is killed (`timeout=`, else `timeout:` in cheatgen.yml).
    public var timeout: Double
    /// `max-time=`: the run must end within it (a claim about speed; nothing is killed).
    public var maxTime: Double?
    /// Bytes of memory (`memory=`, else `memory:`).
    public var memory: Int
    /// Processes and threads at once.
    public var processes: Int
    /// Whether it may reach the network (`network=`, else `network:`).
    public var network: Bool
    /// Bytes of output before it is stopped.
    public var output: Int

    public init(timeout: Double, maxTime: Double? = nil, memory: Int = 1 << 30, processes: Int = 512, network: Bool = false, output: Int = 4 << 20) {
        self.timeout = timeout
        self.maxTime = maxTime
        self.memory = memory
        self.processes = processes
        self.network = network
        self.output = output
    }

    public init(for snippet: Snippet, options: VerificationOptions) {
        let attributes = snippet.attributes
        self.init(timeout: attributes.timeout ?? options.defaultTimeout, maxTime: attributes.maxTime,
                  memory: attributes.memory ?? options.memoryLimit, processes: options.processLimit,
                  network: attributes.network ?? options.network, output: options.outputLimit)
    }
}
