/// A failure of the tool itself (I/O, a missing toolchain), as opposed to a problem in content.
public struct CheatgenError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
