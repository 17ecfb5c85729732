import Foundation

/// The number of cores, the default for `--jobs`.
public enum ProcessInfoCores {
    public static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}
