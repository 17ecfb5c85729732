/// A failure of the tool itself, as opposed to a problem in content (a `Diagnostic`): the step
/// that failed, what it failed on, and why, so callers and tests can tell failures apart, the
/// message names the file or tool involved, and the command line exits with the right status.
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
    /// A sheet id that cannot name a page (`new`, `init`).
    case invalidSheetID(String)
    /// Files that starting something would overwrite (`new`, `init`); nothing was written.
    case wouldOverwrite(paths: [String], starting: String)
    /// An `--output` that writing the site to would destroy something, and why.
    case unsafeOutput(path: String, reason: String)
    /// A page's path would lead out of the site (a sheet's id that slipped past loading).
    case outsideSite(relativePath: String)
    /// The theme cannot be used: where (a template, or nil for the theme as a whole) and why.
    case theme(path: String?, problem: String)
    /// `bless` found content errors and rewrites nothing until they are fixed.
    case blessNeedsCleanSheets
    /// `bless` cannot rewrite a file as it is written, and why.
    case cannotRewrite(path: String, reason: String)
    /// The whole sheet behind an outline was not kept (a caller's mistake, not the user's).
    case missingWholeSheet(id: String)
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
        case .invalidSheetID(let id): "'\(id)' is not a valid sheet id: use lowercase letters, digits and dashes, as in swift-actors"
        case .wouldOverwrite(let paths, let starting) where paths.count == 1 && starting.isEmpty: "\(paths[0]) already exists"
        case .wouldOverwrite(let paths, let starting):
            "not starting a repository in \(starting): \(paths.joined(separator: ", ")) already exist\(paths.count == 1 ? "s" : ""); nothing was written"
        case .unsafeOutput(let path, let reason): "refusing to write the site to \(path): \(reason)"
        case .outsideSite(let relativePath): "refusing to write \(relativePath): it is not a path inside the site"
        case .theme(let path?, let problem): "theme template \(path) \(problem)"
        case .theme(nil, let problem): problem
        case .blessNeedsCleanSheets: "fix the errors above first: bless rewrites only sheets that parse cleanly"
        case .cannotRewrite(let path, let reason): "\(path) \(reason)"
        case .missingWholeSheet(let id): "no whole sheet '\(id)' was kept for its outline"
        case .changedDuringBuild(let path): "\(path) changed while the site was being built; build again"
        case .interrupted: "interrupted"
        }
    }

    /// The message alone, as the command line prints it after `error: `.
    package var message: String { description }

    /// What the command line exits with (README, "Exit status"): 2 when the command or the
    /// setup is wrong (nothing was checked), 130 when interrupted, 1 for everything else.
    package var exitStatus: Int32 {
        switch self {
        case .invalidSheetID, .wouldOverwrite, .unsafeOutput, .theme, .tool: 2
        case .interrupted: 130
        default: 1
        }
    }
}
