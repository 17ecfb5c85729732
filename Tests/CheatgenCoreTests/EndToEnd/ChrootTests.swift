import Foundation
import Testing
@testable import CheatgenCore

/// cheatgen started in a chroot whose root is a bind mount: entering cheatgen's mount namespace
/// moves a process to that namespace's root — the machine's real one — so each snippet must be
/// put back in the root cheatgen was started with, or it runs outside the chroot.
extension HostileInputTests {
    static var canChroot: Bool { canConfine && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") }

    @Test(.enabled(if: canChroot, "making a chroot needs root and unshare"))
    func aSnippetKeepsTheChrootCheatgenWasStartedIn() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let root = directory.url.appendingPathComponent("root").path
        try FileManager.default.createDirectory(atPath: "\(root)/tmp/repo/content", withIntermediateDirectories: true)
        // Only inside the chroot: a snippet that sees it runs there.
        _ = FileManager.default.createFile(atPath: "\(root)/INSIDE-THE-CHROOT", contents: nil)
        try """
            ---
            title: Root
            ---

            ## Where

            ### A snippet's root

            ```python
            import os
            print(os.path.exists("/INSIDE-THE-CHROOT"))
            ```

            ```output
            True
            ```

            """.write(toFile: "\(root)/tmp/repo/content/root.md", atomically: true, encoding: .utf8)
        // The chroot is made in a mount namespace of its own (`unshare --mount`), so none of its
        // mounts is seen elsewhere on the machine and all end with it: the machine's folders
        // (but /tmp, of which only cheatgen's own folder if it lies there) bound into a root
        // that is itself a bind mount.
        let script = #"""
            set -e
            root="$1"; cheatgen="$2"
            mount --make-rprivate /
            mount --bind "$root" "$root"
            for entry in /*; do
              name="${entry#/}"
              case "$name" in tmp|"") continue ;; esac
              if [ -L "$entry" ]; then ln -s "$(readlink "$entry")" "$root/$name"
              elif [ -d "$entry" ]; then mkdir -p "$root/$name"; mount --rbind "$entry" "$root/$name"
              fi
            done
            chmod 1777 "$root/tmp"
            # A cheatgen built under /tmp (a clone in a temporary folder) is bound in at its own path.
            bin="$(dirname "$cheatgen")"
            case "$bin" in /tmp/*) mkdir -p "$root$bin"; mount --bind "$bin" "$root$bin" ;; esac
            cd "$root/tmp/repo"
            exec chroot "$root" sh -c 'cd /tmp/repo && exec "$0" check content --no-cache' "$cheatgen"
            """#
        try script.write(toFile: directory.url.appendingPathComponent("chroot.sh").path, atomically: true, encoding: .utf8)
        let result = try await Cheatgen.run(["--mount", "--propagation", "private", "sh", "chroot.sh", root, try Cheatgen.executable.path],
                                      in: directory, executable: URL(fileURLWithPath: "/usr/bin/unshare"))

        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.outputLines.last == "snippets: 1 passed, 0 failed, 0 skipped", "\(result.standardError)")
    }
}
