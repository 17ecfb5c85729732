/// `--report junit=<file>` or `--report github`.
package enum ReportFormat: Sendable, Hashable {
    case junit(path: String)
    case github

    /// Parses the value of `--report`; nil for anything else.
    package init?(argument: String) {
        if argument == "github" { self = .github; return }
        if argument.hasPrefix("junit="), argument.count > 6 { self = .junit(path: String(argument.dropFirst(6))); return }
        return nil
    }
}
