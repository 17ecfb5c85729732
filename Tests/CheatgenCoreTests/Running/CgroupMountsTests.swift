import Testing
@testable import CheatgenVerification

/// Which control-group mounts cheatgen uses when a machine lists a hierarchy more than once.
@Suite struct CgroupMountsTests {
    /// This machine's v1 layout, then the same hierarchies bind-mounted again under a
    /// container root being prepared, and one group's folder bind-mounted on its own.
    static let doubled = """
        31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
        35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        90 88 0:32 / /var/lib/build\\040root/sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
        91 88 0:36 / /var/lib/build\\040root/sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
        92 88 0:38 / /var/lib/build\\040root/sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
        93 88 0:32 /docker/abc /srv/memory-of-one rw,relatime - cgroup cgroup rw,memory
        """

    @Test func theSystemsOwnMountsAreUsedNotTheLastListed() {
        let mounts = CgroupMounts(mountinfo: Self.doubled)
        #expect(mounts == CgroupMounts(unified: "/sys/fs/cgroup/unified",
                                       controllers: ["memory": "/sys/fs/cgroup/memory", "pids": "/sys/fs/cgroup/pids"]))
    }

    @Test func elsewhereTheFirstWholeHierarchyIsUsed() {
        // Only the bind mounts are there (a chroot that mounted its own /sys, say); a mount of
        // one group's folder is never used: /proc/self/cgroup's paths do not lead under it.
        let lines = Self.doubled.split(separator: "\n").dropFirst(4).joined(separator: "\n")
        let mounts = CgroupMounts(mountinfo: lines)
        #expect(mounts.unified == "/var/lib/build root/sys/fs/cgroup/unified")
        #expect(mounts.controllers["memory"] == "/var/lib/build root/sys/fs/cgroup/memory")
        #expect(CgroupMounts(mountinfo: String(Self.doubled.split(separator: "\n").last!)) == CgroupMounts())
    }
}
