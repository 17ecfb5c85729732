import Foundation
import CheatgenVerification
import CheatgenLanguages
import CheatgenSite

/// `cheatgen doctor`: what a newcomer runs first. Says which compiler and interpreters were
/// found (path and version) or are missing (and what to install), whether Pygments is there,
/// how far snippets can be contained on this machine, where the theme is, what the cache holds,
/// and which languages the content uses. Succeeds when `check` could verify every one of them.
package struct DoctorAction: Sendable {
    package var paths: [String]
    package var configurationPath: String
    package var workDirectory: String
    package var console: Console

    package init(paths: [String] = ["content"], configurationPath: String = "cheatgen.yml", workDirectory: String = ".cheatgen",
                console: Console = .standard) {
        self.paths = paths
        self.configurationPath = configurationPath
        self.workDirectory = workDirectory
        self.console = console
    }

    /// Prints the findings on standard output, one `name: finding` line each; problems that stop
    /// `check` also go to standard error as `cheatgen doctor: error: …`. True when every
    /// language the content uses can be verified.
    package func run() async -> Bool {
        // Before anything here remembers a tool's version in the work directory.
        let cache = cacheState()
        let check = CheckAction(paths: paths, configurationPath: configurationPath, workDirectory: workDirectory, console: console)
        let (configuration, content, _) = await check.load()
        let used = Set(content.sheets.flatMap(\.snippets).filter { $0.attributes.mode != .ignore }.map(\.language))
        let setup = LanguageSetup(workDirectory: workDirectory, configuration: configuration)

        var unverifiable: [(language: String, reason: String)] = []
        for language in LanguageRegistry.all {
            let tool = language.tool
            let label = language.name.padding(toLength: 12, withPad: " ", startingAt: 0)
            do {
                let verifier = try await language.verifier(setup)
                let path = tool?.locate() ?? "?"
                console.out("\(label)found: \(verifier.toolchainID.trimmed()) at \(path)")
            } catch let missing as LanguageUnavailable {
                let install = tool.map { "; install: \($0.suggestion)" } ?? ""
                console.out("\(label)missing: \(missing.reason)\(install)")
                if used.contains(language.name) { unverifiable.append((language.name, missing.reason)) }
            } catch {
                console.out("\(label)missing: \(error)")
                if used.contains(language.name) { unverifiable.append((language.name, "\(error)")) }
            }
        }
        console.out("pygments    \(await Self.pygments())")
        for line in Self.containment() { console.out(line) }
        console.out("theme       \(Self.theme())")
        console.out("cache       \(cache)")
        let sheetCount = content.sheets.count
        let languages = used.sorted().joined(separator: ", ")
        console.out("content     \(paths.joined(separator: " ")): \(sheetCount) sheet\(sheetCount == 1 ? "" : "s")"
                    + (used.isEmpty ? ", no snippets to verify" : ", snippets in \(languages)")
                    + (content.diagnostics.isEmpty ? "" : " (\(content.diagnostics.count) problem\(content.diagnostics.count == 1 ? "" : "s"): run cheatgen check)"))

        for (language, reason) in unverifiable {
            console.err("cheatgen doctor: error: check cannot verify the '\(language)' snippets the content has: \(reason)")
        }
        if unverifiable.isEmpty {
            console.out("cheatgen doctor: check can verify every language the content uses" + (used.isEmpty ? "" : " (\(languages))"))
        }
        return unverifiable.isEmpty
    }

    /// Pygments' version as `python3` on PATH sees it, or what to install.
    private static func pygments() async -> String {
        guard let python = ToolVersion.locate("python3", override: "CHEATGEN_PYTHON") else {
            return "missing: no python3 to run it; install: apt-get install python3-pygments (code other than Swift is shown uncoloured)"
        }
        let outcome = try? await ProcessRunner.run(python, arguments: ["-c", "import pygments; print(pygments.__version__)"],
                                                   timeout: ToolTimeLimits.versionQuery)
        if let outcome, outcome.succeeded {
            return "found: Pygments \(outcome.outputText.trimmed()) with \(python)"
        }
        return "missing: \(python) cannot import pygments; install: apt-get install python3-pygments, or pip install pygments in a virtual environment (code other than Swift is shown uncoloured)"
    }

    /// One line for each thing snippets are contained by, then each notice about what is not.
    private static func containment() -> [String] {
        let confinement = Confinement.shared(protecting: [FileManager.default.currentDirectoryPath])
        defer { Confinement.tearDown() }
        var lines = [
            "network     " + (confinement.network >= 0 ? "contained: a network namespace with only a loopback"
                                                         : "not contained: snippets can reach the network"),
            "repository  " + (confinement.mount >= 0 ? "contained: read-only to snippets (a mount namespace)"
                                                       : "not contained: only a change that a snippet makes is caught afterwards"),
            "limits      " + (confinement.cgroups.map { "control groups (\($0.version.rawValue)): memory and process count per snippet" }
                                ?? "no control groups: memory by RLIMIT_AS only, process count not limited"),
        ]
        lines += confinement.notices.map { "note        \($0)" }
        return lines
    }

    private static func theme() -> String {
        do {
            return "found: \(try ThemeLocation.find().path)"
        } catch {
            return "missing: \(error)"
        }
    }

    /// How many verdicts `.cheatgen/` remembers.
    private func cacheState() -> String {
        let verdicts = "\(workDirectory)/verdicts"
        guard FileManager.default.fileExists(atPath: workDirectory) else {
            return "none yet at \(workDirectory)/ (the first check verifies every snippet)"
        }
        let count = FileManager.default.enumerator(atPath: verdicts)?.allObjects.count ?? 0
        if count == 0 { return "no verdicts yet in \(workDirectory)/ (the first check verifies every snippet)" }
        return "\(workDirectory)/: \(count) remembered verdict file\(count == 1 ? "" : "s")"
    }
}
