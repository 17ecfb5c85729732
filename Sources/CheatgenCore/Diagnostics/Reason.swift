/// A reason given in words where no error value exists.
public struct Reason: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
