import Foundation

/// The number of cores, the default for `--jobs`.
package enum ProcessInfoCores {
    package static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
