#if canImport(Glibc)
import Glibc
#endif

/// An error number from the C library, described as `strerror` does.
public struct SystemError: Error, CustomStringConvertible {
    public var code: Int32

    public init(_ code: Int32) { self.code = code }

    public var description: String { String(cString: strerror(code)) }
}
