/// A command that could not do its work; the entry point prints the message and exits with 1.
public struct CommandFailed: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
