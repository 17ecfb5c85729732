import FlyingFox
import Foundation
import CheatgenModel
import CheatgenParsing
import CheatgenVerification
import CheatgenSite

/// `cheatgen serve`: build, serve the site on localhost, rebuild when a sheet changes and
/// reload open pages. A failing build keeps the last good site and shows its diagnostics
/// in the page; the server keeps running.
package struct ServeAction: Sendable {
    package var build: BuildAction
    package var port: UInt16

    package init(build: BuildAction, port: UInt16) {
        self.build = build
        self.port = port
    }

    package func run() async throws {
        let console = build.check.console
        try SiteWriter.validate(destination: build.outputDirectory, contentPaths: build.check.paths)
        let state = LiveState()
        let watcher = ContentWatcher(paths: build.check.paths + [build.check.configurationPath])
        let initial = watcher.snapshot()
        let root = URL(fileURLWithPath: build.outputDirectory).standardizedFileURL
        let site = ServedSite()
        await rebuild(state: state, site: site, root: root)

        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: port)
        } catch {
            throw CheatgenError.system(action: "listen on 127.0.0.1:\(port)", underlying: error)
        }
        let server = HTTPServer(address: address, logger: .disabled, handler: SiteRequestHandler(site: site, state: state))
        ChildProcesses.shared.stopMessage = "server stopped"
        ChildProcesses.shared.stopsCleanly = true
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    try await server.run()
                } catch {
                    throw CheatgenError.system(action: "serve on 127.0.0.1:\(port)", underlying: error)
                }
            }
            try await server.waitUntilListening()
            let actualPort: String
            if case .ip4(_, let listening)? = await server.listeningAddress { actualPort = String(listening) } else { actualPort = String(port) }
            site.listening(on: UInt16(actualPort) ?? port)
            console.out("serving http://127.0.0.1:\(actualPort)/ — watching \(build.check.paths.joined(separator: ", ")); Ctrl-C to stop")
            group.addTask {
                var snapshot = initial
                while true {
                    snapshot = try await watcher.waitForChange(from: snapshot)
                    console.err("cheatgen: change detected, rebuilding")
                    await rebuild(state: state, site: site, root: root)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Builds once; a failure is recorded for the pages instead of ending the server.
    /// The served files are read again only after the build is over (swapped in or not), so
    /// pages never come from a folder being replaced; then open pages are told to reload.
    private func rebuild(state: LiveState, site: ServedSite, root: URL) async {
        do {
            let outcome = try await build.check.run()
            if outcome.succeeded, let report = outcome.report {
                try await build.writeSite(outcome, report: report)
                site.load(from: root)
                state.built(problems: [])
                build.check.console.err("cheatgen: site rebuilt")
            } else {
                site.load(from: root)
                state.built(problems: outcome.diagnostics.sorted.filter { $0.severity == .error }.map(\.formatted))
            }
        } catch {
            site.load(from: root)
            state.built(problems: ["cheatgen: error: \(error)"])
            build.check.console.err("cheatgen: error: \(error)")
        }
    }
}
