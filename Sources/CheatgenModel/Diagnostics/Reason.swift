/// A reason given in words where no error value exists.
package struct Reason: Error, CustomStringConvertible {
    package var description: String

    package init(_ description: String) { self.description = description }
}
