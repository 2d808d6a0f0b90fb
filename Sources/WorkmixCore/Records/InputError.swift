import Foundation

/// A place in a user's file, for error messages (`rules/team.yml:12:5`).
package struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    package var file: String
    package var line: Int?
    package var column: Int?

    package init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    package var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let line, line > 0, let column { text += ":\(column)" }
        return text
    }
}

/// Bad input from the user (a file, an option, a repository or revision): exit code 2, one line on stderr.
package struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What the user can do about it, in words the front end chooses (the command line names its flags).
    package enum Remedy: Sendable, Equatable {
        /// Give a config file.
        case giveConfig
        /// Name a revision, or read all refs.
        case nameRevision
    }

    package var location: SourceLocation?
    package var message: String
    package var remedy: Remedy?

    package init(_ message: String, at location: SourceLocation? = nil, remedy: Remedy? = nil) {
        self.message = message
        self.location = location
        self.remedy = remedy
    }

    package var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }
}
