import CheatgenModel

/// What one run of a snippet may use and must meet: its attributes over the run's options,
/// worked out once when the snippet is prepared, then handed to the process that runs it and
/// to the judge that words a failure.
package struct RunLimits: Hashable, Sendable {
    /// Seconds before the run is killed (`timeout=`, else `timeout:` in cheatgen.yml).
    var timeout: Double
    /// `max-time=`: the run must end within it (a claim about speed; nothing is killed).
    package var maxTime: Double?
    /// Bytes of memory (`memory=`, else `memory:`).
    var memory: Int
    /// Processes and threads at once.
    var processes: Int
    /// Whether it may reach the network (`network=`, else `network:`).
    var network: Bool
    /// Bytes of output before it is stopped.
    var output: Int

    init(timeout: Double, maxTime: Double? = nil, memory: Int = 1 << 30, processes: Int = 512, network: Bool = false, output: Int = 4 << 20) {
        self.timeout = timeout
        self.maxTime = maxTime
        self.memory = memory
        self.processes = processes
        self.network = network
        self.output = output
    }

    init(for snippet: Snippet, options: VerificationOptions) {
        let attributes = snippet.attributes
        self.init(timeout: attributes.timeout ?? options.defaultTimeout, maxTime: attributes.maxTime,
                  memory: attributes.memory ?? options.memoryLimit, processes: options.processLimit,
                  network: attributes.network ?? options.network, output: options.outputLimit)
    }
}
