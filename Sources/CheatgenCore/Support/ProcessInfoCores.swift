import Foundation

/// The number of cores, the default for `--jobs`.
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
