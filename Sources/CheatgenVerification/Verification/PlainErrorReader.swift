#if canImport(Glibc)
import Glibc
#endif

/// Reads only what every process has: its signal.
package struct PlainErrorReader: ErrorReader {
    init() {}

    /// `signal 11 SIGSEGV (segmentation fault)`
    package static func describe(signal: Int32, names extra: [Int32: String] = [:]) -> String {
        let names: [Int32: String] = [
            SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT (abort)",
            SIGSEGV: "SIGSEGV (segmentation fault)", SIGBUS: "SIGBUS (bus error)", SIGFPE: "SIGFPE (arithmetic error)",
            SIGKILL: "SIGKILL", SIGTERM: "SIGTERM",
        ].merging(extra) { _, new in new }
        return ("signal \(signal) " + (names[signal] ?? "")).trimmed()
    }
}
