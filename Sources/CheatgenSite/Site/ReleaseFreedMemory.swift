#if canImport(Glibc)
import Glibc
#endif

/// Hands the memory that loading and verifying freed back to the system before pages render.
/// Parsing every sheet in full (then keeping only its outline) and the verification's
/// bookkeeping leave freed blocks throughout the heap; glibc keeps them for reuse, so they
/// stay in the build's resident memory while the much smaller working set of the render
/// phase never needs them. `malloc_trim` returns their whole pages (a few milliseconds).
enum ReleaseFreedMemory {
    static func now() {
        #if canImport(Glibc)
        // Not in the Glibc module's headers: looked up in the C library itself.
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") {
            _ = unsafeBitCast(symbol, to: Trim.self)(0)
        }
        #endif
    }
}
