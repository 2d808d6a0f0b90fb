import Foundation

/// A place in a user's file, for error messages (`rules/team.yml:12:5`).
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// Bad input from the user (a file, an option, a repository or revision): exit code 2, one line on stderr.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What the user can do about it, in words the front end chooses (the command line names its flags).
    public enum Remedy: Sendable, Equatable {
        /// Give a config file.
        case giveConfig
        /// Name a revision, or read all refs.
        case nameRevision
    }

    public var location: SourceLocation?
    public var message: String
    public var remedy: Remedy?

    public init(_ message: String, at location: SourceLocation? = nil, remedy: Remedy? = nil) {
        self.message = message
        self.location = location
        self.remedy = remedy
    }

    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
