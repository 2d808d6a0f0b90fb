/// A file read as input (a rule file, the config, a model): the name it is known by (its path, or
/// `rules/…` for one shipped in the binary) and its text, read once.
public struct SourceFile: Sendable, Equatable {
    public var name: String
    public var text: String

    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
