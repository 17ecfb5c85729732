import Foundation
import CheatgenModel

/// A fresh temporary directory a snippet runs in; whatever it writes is removed with it.
struct SandboxDirectory {
    let path: String

    init() throws {
        var template = Array(((NSTemporaryDirectory() as NSString).appendingPathComponent("cheatgen-run-XXXXXX")).utf8CString)
        guard let made = mkdtemp(&template) else { throw CheatgenError.system(action: "create a temporary directory", underlying: SystemError(errno)) }
        // The path the snippet sees as its working directory (and HOME, TMPDIR): no `//`, no symlinks.
        if let real = realpath(made, nil) {
            path = String(cString: real)
            free(real)
        } else {
            path = String(cString: made)
        }
        ChildProcesses.shared.writing(folder: path)
    }

    func remove() {
        // A snippet may have made its files read-only; make them writable so removal succeeds.
        if let enumerator = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in enumerator {
                chmod("\(path)/\(relative)", 0o700)
            }
        }
        try? FileManager.default.removeItem(atPath: path)
        ChildProcesses.shared.finished(folder: path)
    }
}
