/// How long cheatgen waits for the tools it starts itself (not for snippets, whose limits are
/// `RunLimits`). Generous: they exist so that a wedged tool ends a run with a message instead
/// of hanging CI, not to judge anything.
package enum ToolTimeLimits {
    /// `swiftc --version`, `python3 --version`, `node --version`.
    package static let versionQuery: Duration = .seconds(60)
    /// The driver printing its plan (`swiftc -###`).
    package static let driverPlan: Duration = .seconds(60)
    /// One snippet's compile.
    package static let compile: Duration = .seconds(300)
    /// Linking the runner (or one snippet alone).
    package static let link: Duration = .seconds(600)
    /// A build of the packages snippets import, in all…
    package static let packageBuild: Duration = .seconds(3600)
    /// …and with no CPU used at all for this long (waiting for a network that never answers).
    package static let packageBuildStall: Duration = .seconds(60)

    /// `300 seconds`, as messages name a limit.
    package static func describe(_ limit: Duration) -> String {
        "\(limit.components.seconds) seconds"
    }
}
