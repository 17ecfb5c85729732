/// A failure of the tool itself, as opposed to a problem in content (a `Diagnostic`): what
/// failed, where, and the underlying error, so callers and tests can tell failures apart and
/// the message names the file or tool involved.
package enum CheatgenError: Error, CustomStringConvertible {
    /// A file or folder could not be read, created, written, opened, locked or moved:
    /// `cannot <action> <path>: <underlying>`.
    case file(path: String, action: String, underlying: (any Error)? = nil)
    /// A program could not be found or started: `cannot run <executable>: <underlying>`.
    case process(executable: String, underlying: any Error)
    /// A tool cheatgen needs is missing or is not what it should be.
    case tool(name: String, problem: String)
    /// The system refused something that is not a file (a pipe, a process, a control group).
    case system(action: String, underlying: any Error)
    /// What was asked cannot be done as asked, and why (an invalid id, an `--output` that would
    /// destroy something, a theme without a template).
    case refused(String)
    /// A sheet changed on disk while the site was being built from it.
    case changedDuringBuild(path: String)
    /// The run was interrupted (Ctrl-C).
    case interrupted

    package var description: String {
        switch self {
        case .file(let path, let action, let underlying?): "cannot \(action) \(path): \(underlying)"
        case .file(let path, let action, nil): "cannot \(action) \(path)"
        case .process(let executable, let underlying): "cannot run \(executable): \(underlying)"
        case .tool(let name, let problem): "'\(name)' \(problem)"
        case .system(let action, let underlying): "cannot \(action): \(underlying)"
        case .refused(let message): message
        case .changedDuringBuild(let path): "\(path) changed while the site was being built; build again"
        case .interrupted: "interrupted"
        }
    }

    /// The message alone, as the command line prints it after `error: `.
    package var message: String { description }
}
