import CProcessControl
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// How far this machine lets cheatgen contain snippets, found out once per run: a network
/// namespace with only a loopback, a mount namespace where the repository is read-only, and
/// control groups for limits. What cannot be made is said once (`notices`), and runs go on.
package final class Confinement: Sendable {
    /// Open namespace files snippets enter, or -1.
    package let network: Int32
    package let mount: Int32
    /// With `mount`: cheatgen's own root folder (a chroot's, or /) in that namespace, where a
    /// snippet is put back after entering it; -1 otherwise.
    let root: Int32
    package let cgroups: Cgroups?
    /// What is not contained on this machine, and why; reported once per run.
    package let notices: [String]
    /// The folders the mount namespace makes read-only.
    let protected: [String]
    /// Memory and processes are limited (all but `CHEATGEN_CONFINEMENT=none`).
    let limits: Bool

    /// Where the repository is not read-only to snippets: the watch that catches a change.
    /// The temporary folder is left out as the mount namespace leaves it writable: snippets'
    /// own folders are made there, by this cheatgen and any other.
    func watch(excluding scratch: [String]) -> RepositoryWatch? {
        guard mount < 0, !protected.isEmpty else { return nil }
        return RepositoryWatch(roots: protected, excluded: (scratch + [NSTemporaryDirectory()]).compactMap(Self.realPath))
    }

    private init(network: Int32, mount: Int32, root: Int32 = -1, cgroups: Cgroups?, notices: [String], protected: [String], limits: Bool) {
        (self.network, self.mount, self.root, self.cgroups, self.notices, self.protected, self.limits) = (network, mount, root, cgroups, notices, protected, limits)
    }

    /// This run's confinement once made, and whether its notices were reported.
    private static let state = Mutex<(current: Confinement?, reported: Bool)>((nil, false))

    /// This run's confinement, made on first use with `paths` (the repository) read-only.
    package static func shared(protecting paths: [String]) -> Confinement {
        state.withLock { state in
            if let current = state.current { return current }
            let made = make(protecting: paths)
            state.current = made
            return made
        }
    }

    /// Notices not yet reported in this process (each is said once).
    static func takeNotices(of confinement: Confinement) -> [String] {
        state.withLock { state in
            guard !state.reported else { return [] }
            state.reported = true
            return confinement.notices
        }
    }

    /// Closes the namespaces and removes the control groups (the end of a run, or an interrupt).
    package static func tearDown() {
        let ending = state.withLock { state -> Confinement? in
            defer { state.current = nil }
            return state.current
        }
        guard let ending else { return }
        if ending.network >= 0 { close(ending.network) }
        if ending.mount >= 0 { close(ending.mount) }
        if ending.root >= 0 { close(ending.root) }
        ending.cgroups?.removeRoots()
    }

    private static func make(protecting paths: [String]) -> Confinement {
        // For measuring what confinement costs (bench/run): `limits` leaves out the namespaces,
        // `none` everything. Never for untrusted content.
        // `no-namespaces` and `no-cgroups` act as a machine where those cannot be made (for the tests).
        let mode = ProcessInfo.processInfo.environment["CHEATGEN_CONFINEMENT"]
        switch mode {
        case "none": return Confinement(network: -1, mount: -1, cgroups: nil, notices: [], protected: [], limits: false)
        case "limits": return Confinement(network: -1, mount: -1, cgroups: Cgroups.locate().0, notices: [], protected: [], limits: true)
        default: break
        }
        var notices: [String] = []
        let protected = Self.outermost(paths.compactMap(Self.realPath))
        if mode == "no-namespaces" {
            let (cgroups, reason) = Cgroups.locate()
            return Confinement(network: -1, mount: -1, cgroups: cgroups, notices: [
                "snippets can reach the network: no network namespace could be made (CHEATGEN_CONFINEMENT=no-namespaces)",
                "snippets are not kept from writing into the repository (CHEATGEN_CONFINEMENT=no-namespaces); \(Self.watched)",
            ] + (cgroups == nil ? [Self.unlimited(reason)] : []), protected: protected, limits: true)
        }
        let temporary = Self.realPath(NSTemporaryDirectory())
        let writable = temporary.map { folder in protected.contains { folder == $0 || folder.hasPrefix($0 + "/") } ? [folder] : [] } ?? []
        var namespaces = cheatgen_namespaces()
        let made = withCStrings(protected) { readOnly in
            withCStrings(writable) { writable in
                namespaces.read_only = readOnly.baseAddress.map { UnsafePointer($0) }
                namespaces.read_only_count = Int32(protected.count)
                namespaces.writable = writable.baseAddress.map { UnsafePointer($0) }
                namespaces.writable_count = Int32(writable.count)
                return cheatgen_make_namespaces(&namespaces)
            }
        }
        if made != 0 {
            let step = namespaces.failed_step.map { String(cString: $0) } ?? "?"
            let why = "\(step) failed: \(String(cString: strerror(namespaces.error)))"
            if namespaces.network < 0 {
                notices.append("snippets can reach the network: no network namespace could be made (\(why))")
            }
            notices.append("snippets are not kept from writing into the repository: no mount namespace could be made (\(why)); \(Self.watched)")
            if namespaces.mount >= 0 { close(namespaces.mount); namespaces.mount = -1 }
            if namespaces.root >= 0 { close(namespaces.root); namespaces.root = -1 }
        }
        let (cgroups, reason) = mode == "no-cgroups" ? (nil, "CHEATGEN_CONFINEMENT=no-cgroups") : Cgroups.locate()
        if cgroups == nil { notices.append(Self.unlimited(reason)) }
        return Confinement(network: namespaces.network, mount: namespaces.mount, root: namespaces.root, cgroups: cgroups, notices: notices,
                           protected: protected, limits: true)
    }

    /// What stands in for a control group's limits, and why there is none.
    private static func unlimited(_ reason: String?) -> String {
        "snippets' memory is limited by RLIMIT_AS (address space) and their process count is not limited: no control group could be made (\(reason ?? "?"))"
    }

    /// What the watch that stands in for a read-only repository does and does not see.
    static let watched = "a snippet that changes a file there fails, but what it writes into .cheatgen/ or a site folder goes unseen (cheatgen writes there itself)"

    /// Absolute, symlinks resolved; nil for a path that does not exist. A file gives its folder.
    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        var result = String(cString: resolved)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: result, isDirectory: &isFolder), !isFolder.boolValue {
            result = (result as NSString).deletingLastPathComponent
        }
        return result
    }

    /// Drops folders inside others of the list.
    private static func outermost(_ paths: [String]) -> [String] {
        let unique = Set(paths).sorted()
        return unique.filter { path in !unique.contains { $0 != path && (path.hasPrefix($0 + "/") || $0 == "/") } }
    }
}

/// Calls `body` with a C array of the strings, valid during the call.
func withCStrings<R>(_ strings: [String], _ body: (UnsafeMutableBufferPointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { UnsafePointer($0) } + [nil]
    return pointers.withUnsafeMutableBufferPointer { body(UnsafeMutableBufferPointer(rebasing: $0[0..<strings.count])) }
}
