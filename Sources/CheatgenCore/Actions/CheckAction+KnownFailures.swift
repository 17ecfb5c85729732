import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification

extension CheckAction {
    /// What the known-failures step of a check gave.
    struct KnownFailureStep {
        var report: VerificationReport
        /// The list's problems and those of holding it against the verdicts.
        var problems: [Diagnostic]
        /// `wrote FILE: N known failures`, after `--write-known-failures`.
        var wrote: String?
    }

    /// The list this run holds its verdicts against: `--write-known-failures`'s (written first,
    /// from this run's failures), else `--known-failures`, else cheatgen.yml's `known-failures:`.
    func applyKnownFailures(_ report: VerificationReport, sheets: [SheetOutline], configuration: Configuration) throws -> KnownFailureStep {
        let known = KnownFailures(roots: paths)
        var wrote: String?
        if let path = writeKnownFailures {
            // The entries that stay keep their reasons, and the file its header.
            let old = FileManager.default.fileExists(atPath: path) ? KnownFailureList.load(from: path).0 : KnownFailureList(path: path)
            let list = known.list(recording: report, keeping: old, path: path)
            try AtomicFile.write(Data(list.text.utf8), to: path)
            wrote = "wrote \(path): \(list.entries.count) known failure\(list.entries.count == 1 ? "" : "s")"
        }
        // A list just written is read back, so that each entry has its line for the warnings.
        guard let path = writeKnownFailures ?? knownFailuresPath ?? configuration.knownFailures else {
            return KnownFailureStep(report: report, problems: [], wrote: nil)
        }
        let (list, malformed) = KnownFailureList.load(from: path)
        let applied = known.apply(list, to: report, sheets: sheets, verbose: verbose)
        return KnownFailureStep(report: applied.report, problems: malformed + applied.problems, wrote: wrote)
    }

    /// For the progress lines, while verifying: whether the list in force names a failure's
    /// snippet (its diagnostic is weighed after verification).
    func listedFailures(_ configuration: Configuration) -> @Sendable (SnippetResult) -> Bool {
        guard writeKnownFailures == nil, let path = knownFailuresPath ?? configuration.knownFailures else { return { _ in false } }
        let keys = Set(KnownFailureList.load(from: path).0.entries.map(\.key))
        let known = KnownFailures(roots: paths)
        return { keys.contains(known.key(of: $0.snippet)) }
    }
}
