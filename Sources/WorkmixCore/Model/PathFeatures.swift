import Foundation

/// Model features read from the changed paths beyond their kinds: how many files changed and were
/// added, which kinds changed together, and the words of their folders. No line counts: a tree
/// comparison gives them all.
enum PathFeatures {
    /// `fc:3` (⌊log₂(1 + files)⌋, at most 7), `add:1` (the same of the added files, at most 4), and
    /// `mix:other+test` when files of more than one kind changed (kinds in the order of `PathKind`).
    static func addStructure(_ changes: [FileChange], to bag: inout FeatureBag) {
        bag.set("fc:\(CommitFeatures.bucket(changes.count, cap: 7))")
        let added = changes.count(where: { $0.status == .added })
        bag.set("add:\(CommitFeatures.bucket(added, cap: 4))")
        let kinds = Set(changes.prefix(FeatureSettings.filesRead).map { PathKind.of($0.path) })
        guard kinds.count > 1 else { return }
        bag.set("mix:" + PathKind.allCases.filter(kinds.contains).map(\.rawValue).joined(separator: "+"))
    }

    /// `dir:WORD` for each word of each folder of the first files read (stemmed as message words), so
    /// `db/migrations/` and `src/components/` say what part of a code base a commit touched.
    static func addFolderWords(_ changes: [FileChange], to bag: inout FeatureBag) {
        for change in changes.prefix(FeatureSettings.filesRead) {
            for folder in change.path.split(separator: "/").dropLast() {
                for word in Tokenizer.words(folder) where word.count > 1 { bag.set("dir:" + Tokenizer.stem(word)) }
            }
        }
    }
}
