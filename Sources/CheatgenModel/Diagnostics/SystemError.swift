#if canImport(Glibc)
import Glibc
#endif

/// An error number from the C library, described as `strerror` does.
package struct SystemError: Error, CustomStringConvertible {
    package var code: Int32

    package init(_ code: Int32) { self.code = code }

    package var description: String { String(cString: strerror(code)) }
}
