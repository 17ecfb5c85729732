/// Where the control-group hierarchies are mounted, read from `/proc/self/mountinfo`.
///
/// A machine can list a hierarchy more than once: a bind mount of `/sys` somewhere else (a
/// container's root being prepared, a chroot), or of one group's folder. The one to use is the
/// system's own: a mount of the whole hierarchy (its root is `/`, so the paths in
/// `/proc/self/cgroup` lead somewhere under it) at `/sys/fs/cgroup` or below, else the first
/// such mount listed. Never the last: that is the most recent bind mount, which another tool
/// may be about to unmount (and cheatgen's folders there would keep it busy).
struct CgroupMounts: Equatable {
    /// The cgroup2 mount point.
    var unified: String?
    /// cgroup v1 mount points by controller (`memory`, `pids`).
    var controllers: [String: String] = [:]

    static let systemPlace = "/sys/fs/cgroup"

    init(unified: String? = nil, controllers: [String: String] = [:]) {
        self.unified = unified
        self.controllers = controllers
    }

    /// The mounts chosen from the text of a `mountinfo` file.
    init(mountinfo: String) {
        var unified: [String] = []
        var controllers: [String: [String]] = [:]
        for line in mountinfo.split(separator: "\n") {
            // id parent major:minor root mount-point options [optional…] - fstype source super-options
            let halves = line.components(separatedBy: " - ")
            guard halves.count == 2 else { continue }
            let left = halves[0].split(separator: " "), right = halves[1].split(separator: " ")
            guard left.count > 4, right.count > 2, left[3] == "/" else { continue }
            let point = Self.unescaped(String(left[4]))
            if right[0] == "cgroup2" { unified.append(point) }
            if right[0] == "cgroup" {
                for controller in right[2].split(separator: ",") where controller == "memory" || controller == "pids" {
                    controllers[String(controller), default: []].append(point)
                }
            }
        }
        self.unified = Self.choose(unified)
        self.controllers = controllers.compactMapValues(Self.choose)
    }

    private static func choose(_ points: [String]) -> String? {
        points.first { $0 == systemPlace || $0.hasPrefix(systemPlace + "/") } ?? points.first
    }

    /// mountinfo writes a space, tab, newline or backslash in a path as an octal escape (`\040`).
    private static func unescaped(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var bytes: [UInt8] = []
        let utf8 = Array(field.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 3 < utf8.count,
               let value = UInt8(String(decoding: utf8[(index + 1)...(index + 3)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
