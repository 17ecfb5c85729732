#if canImport(Glibc)
import Glibc
#endif

/// How a build's memory is allocated. A build keeps every sheet's outline from loading to the
/// end, allocated while sheets parse on every core: glibc gives each thread that meets another
/// in `malloc` an arena of its own, and the long-lived outlines spread over them between the
/// freed blocks of the parses, which then stay resident in each (at 10,000 sheets 15 MB
/// free inside the heap, 12 MB more resident, against one arena: bench/RESULTS.md). The work
/// is one parse or page per core at a time, so one arena costs little waiting.
package enum BuildMemory {
    package static func useOneArena() {
        #if canImport(Glibc)
        // `mallopt(M_ARENA_MAX, 1)`; not in the Glibc module's headers, so looked up in the C library.
        typealias MallocOption = @convention(c) (Int32, Int32) -> Int32
        let arenaMax: Int32 = -8
        if let symbol = dlsym(nil, "mallopt") {
            _ = unsafeBitCast(symbol, to: MallocOption.self)(arenaMax, 1)
        }
        #endif
    }
}
