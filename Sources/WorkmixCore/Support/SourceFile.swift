/// A file read as input (a rule file, the config, a model): the name it is known by (its path, or
/// `rules/…` for one shipped in the binary) and its text, read once.
package struct SourceFile: Sendable, Equatable {
    package var name: String
    package var text: String

    package init(name: String, text: String) {
        self.name = name
        self.text = text
    }
}
