import Foundation

/// Which features the model reads from a commit. Stored in the model file, so a model is always applied
/// with the settings it was trained with. The defaults were chosen by leave-one-repository-out
/// cross-validation on the tune repositories of the shared corpus (bench/classifier_eval.py).
package struct FeatureSettings: Sendable, Hashable, Codable {
    /// Pairs of adjacent subject words (`bi:add_support`).
    package var bigrams = true
    /// Body words read (0: none), after trailer lines such as `Signed-off-by:`.
    package var bodyWords = 50
    /// File kinds, extensions and statuses, when the commit's files are known.
    package var files = true
    /// Bucketed line counts and file count, when known.
    package var sizes = true
    /// From the paths alone: the file count and added-file count bucketed, and which kinds of file
    /// changed together (`mix:other+test`). Optional in a model file (absent: off).
    package var structure = false
    /// The words of the changed files' folders (`dir:migrat`, `dir:compon`). Optional (absent: off).
    package var pathWords = false

    package init() {}

    /// Reads the settings line of a model file, `{"bigrams":true,"bodyWords":50,…}`, by hand: a JSON
    /// decoder costs milliseconds at every start. Every key must be there.
    package init?(json: String) {
        var fields: [String: Substring] = [:]
        for pair in json.trimmingCharacters(in: CharacterSet(charactersIn: "{} ")).split(separator: ",") {
            let parts = pair.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            fields[parts[0].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))] = parts[1].drop { $0 == " " }
        }
        func flag(_ key: String) -> Bool? { fields[key] == "true" ? true : fields[key] == "false" ? false : nil }
        guard let bigrams = flag("bigrams"), let files = flag("files"), let sizes = flag("sizes"),
            let bodyWords = fields["bodyWords"].flatMap({ Int($0) }), bodyWords >= 0
        else { return nil }
        self.bigrams = bigrams
        self.bodyWords = bodyWords
        self.files = files
        self.sizes = sizes
        for key in ["structure", "pathWords"] where fields[key] != nil && flag(key) == nil { return nil }
        structure = flag("structure") ?? false
        pathWords = flag("pathWords") ?? false
    }

    /// How much of a commit's file changes these features read: the paths (a tree comparison) for file
    /// kinds, line counts (a diff of every changed blob) only for sizes.
    package var detail: ChangeDetail? { sizes ? .lines : files || structure || pathWords ? .paths : nil }

    /// The shared corpus keeps a body's first 400 characters, so a body is cut there before its words
    /// are read, in training and in use alike; of the files, the first 20 are read.
    package static let bodyCharacters = 400
    package static let filesRead = 20
}

/// The features of one commit: names (`w:migrat`, `kind:test`, `ins:6`) with their values (1, or the
/// share of the files for file kinds, extensions and statuses).
package struct CommitFeatures: Sendable, Hashable {
    package var names: [String]
    package var values: [Double]

    /// The features of a record with what is known of its files (the trainer hides them from some).
    package init(_ record: CommitRecord, changeInfo: ChangeInfo, settings: FeatureSettings) {
        self.init(
            subject: record.subject, body: record.body, changes: changeInfo.changes, stats: changeInfo.stats,
            settings: settings)
    }

    /// Reads the features from a message (its Conventional prefix, if any, dropped) and, when known,
    /// the changed files (`nil`: no diff was read) and their line counts.
    package init(subject: String, body: String, changes: [FileChange]?, stats: ChangeStats?, settings: FeatureSettings) {
        var bag = FeatureBag()
        let words = Tokenizer.words(FeaturePrefix.stripped(subject)).map(Tokenizer.stem)
        for word in words { bag.set("w:" + word) }
        bag.set("first:" + (words.first ?? "<none>"))
        if settings.bigrams {
            for (left, right) in zip(words, words.dropFirst()) { bag.set("bi:" + left + "_" + right) }
        }
        if settings.bodyWords > 0 {
            let bodyWords = Self.bodyWords(body, limit: settings.bodyWords)
            for word in bodyWords { bag.set("b:" + Tokenizer.stem(word)) }
            if !bodyWords.isEmpty { bag.set("hasbody") }
        }
        if let changes {
            if settings.files { Self.addFileFeatures(changes, to: &bag) }
            if settings.structure { PathFeatures.addStructure(changes, to: &bag) }
            if settings.pathWords { PathFeatures.addFolderWords(changes, to: &bag) }
            if settings.sizes { Self.addSizeFeatures(files: changes.count, stats: stats, to: &bag) }
        } else {
            bag.set("nodiff")
        }
        names = bag.names
        values = bag.values
    }

    /// The body's words, without its trailer lines (`Signed-off-by:`, `Co-authored-by:`), which say
    /// nothing of the work, from its first 400 characters.
    static func bodyWords(_ body: String, limit: Int) -> [String] {
        guard !body.isEmpty else { return [] }
        let scalars = body.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: FeatureSettings.bodyCharacters, limitedBy: scalars.endIndex) ?? scalars.endIndex
        var words: [String] = []
        for line in Substring(scalars[..<end]).split(separator: "\n", omittingEmptySubsequences: true)
        where !FeaturePrefix.isByTrailer(line) {
            words += Tokenizer.words(line, limit: limit - words.count)
            if words.count >= limit { break }
        }
        return words
    }

    static func addFileFeatures(_ changes: [FileChange], to bag: inout FeatureBag) {
        let listed = changes.prefix(FeatureSettings.filesRead)
        guard !listed.isEmpty else { return bag.set("nofiles") }
        let share = 1 / Double(listed.count)
        var kinds: [String] = [], statuses: [String] = []
        for change in listed {
            let (pathKind, ext) = PathKind.describe(change.path)
            let kind = pathKind.rawValue
            let status = change.status.letter
            bag.add("kind:" + kind, share)
            bag.add("ext:" + ext, share)
            bag.add("st:" + status, share)
            kinds.append(kind)
            statuses.append(status)
        }
        if let kind = kinds.first, kinds.allSatisfy({ $0 == kind }) { bag.set("allkind:" + kind) }
        if let status = statuses.first, statuses.allSatisfy({ $0 == status }) { bag.set("allst:" + status) }
    }

    static func addSizeFeatures(files: Int, stats: ChangeStats?, to bag: inout FeatureBag) {
        bag.set("fc:\(bucket(files, cap: 7))")
        guard let stats else { return bag.set("nosize") }
        bag.set("ins:\(bucket(stats.insertions, cap: 12))")
        bag.set("del:\(bucket(stats.deletions, cap: 12))")
        let total = stats.churn
        guard total > 0 else { return bag.set("net:empty") }
        let ratio = Double(stats.insertions) / Double(total)
        let balance = ratio < 0.2 ? "del" : ratio < 0.45 ? "mdel" : ratio <= 0.55 ? "bal" : ratio <= 0.8 ? "mins" : "ins"
        bag.set("net:" + balance)
    }

    /// ⌊log₂(1 + value)⌋, at most `cap`.
    static func bucket(_ value: Int, cap: Int) -> Int {
        min(Int.bitWidth - (1 + max(0, value)).leadingZeroBitCount - 1, cap)
    }
}

/// Features in first-seen order, each once (a name set twice keeps its first value; `add` sums).
struct FeatureBag {
    private(set) var names: [String] = []
    private(set) var values: [Double] = []
    private var index: [String: Int] = [:]

    mutating func set(_ name: String, _ value: Double = 1) {
        guard index[name] == nil else { return }
        index[name] = names.count
        names.append(name)
        values.append(value)
    }

    mutating func add(_ name: String, _ value: Double) {
        if let position = index[name] { values[position] += value } else { set(name, value) }
    }
}

/// The prefix the model drops from a subject: `word(scope)!:` at its start, whatever the word (a
/// Conventional type or a component such as `services:`), as `^\s*[A-Za-z][\w-]*(\([^)]*\))?!?:\s*`.
enum FeaturePrefix {
    static func stripped(_ subject: String) -> Substring {
        let scalars = subject.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex, scalars[index].properties.isWhitespace { index = scalars.index(after: index) }
        guard index < scalars.endIndex, scalars[index].isASCII, scalars[index].properties.isAlphabetic else { return Substring(subject) }
        index = scalars.index(after: index)
        while index < scalars.endIndex, isWordOrDash(scalars[index]) { index = scalars.index(after: index) }
        if index < scalars.endIndex, scalars[index] == "(" {
            guard let close = scalars[index...].firstIndex(of: ")") else { return Substring(subject) }
            index = scalars.index(after: close)
        }
        if index < scalars.endIndex, scalars[index] == "!" { index = scalars.index(after: index) }
        guard index < scalars.endIndex, scalars[index] == ":" else { return Substring(subject) }
        index = scalars.index(after: index)
        while index < scalars.endIndex, scalars[index].properties.isWhitespace { index = scalars.index(after: index) }
        return Substring(String(scalars[index...]))
    }

    /// `^\s*[A-Za-z][\w-]*-by:` (case-insensitive): `Signed-off-by:`, `Co-authored-by:`, `Reviewed-by:`.
    static func isByTrailer(_ line: Substring) -> Bool {
        let trimmed = line.drop { $0.isWhitespace }
        guard let colon = trimmed.firstIndex(of: ":"), let first = trimmed.unicodeScalars.first,
            first.isASCII, first.properties.isAlphabetic
        else { return false }
        let key = trimmed[..<colon]
        return key.lowercased().hasSuffix("-by") && key.unicodeScalars.allSatisfy(isWordOrDash)
    }

    private static func isWordOrDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}

/// Words for the model: maximal runs of letters (any script) and ASCII digits, lowercased; within a
/// word each run of digits becomes one `0` (`v1.2.3` → `v0`, `0`, `0`; `es2015` → `es0`).
enum Tokenizer {
    static func words<Text: StringProtocol>(_ text: Text, limit: Int = .max) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        var previousDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            words.append(String(decoding: current, as: UTF8.self))
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A {
                    current.append(UInt8(value)); previousDigit = false; continue
                } else if value >= 0x41 && value <= 0x5A {
                    current.append(UInt8(value + 0x20)); previousDigit = false; continue
                } else if value >= 0x30 && value <= 0x39 {
                    if !previousDigit { current.append(UInt8(ascii: "0")) }
                    previousDigit = true; continue
                }
            } else if isLetter(scalar) {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                    if isLetter(lower) { current.append(contentsOf: String(lower).utf8) } else { flush() }
                }
                previousDigit = false
                continue
            }
            previousDigit = false
            flush()
            if words.count >= limit { return words }
        }
        flush()
        return words.count > limit ? Array(words.prefix(limit)) : words
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A light suffix stripper, the first rule that applies: `-ing` (5 letters or more), `-ed`, `-es`,
    /// `-s` but not `-ss` (4 or more): `adding` → `add`, `fixes` → `fix`, `docs` → `doc`.
    static func stem(_ word: String) -> String {
        let bytes = word.utf8
        guard bytes.count >= 4, let last = bytes.last else { return word }
        let s = UInt8(ascii: "s"), e = UInt8(ascii: "e"), d = UInt8(ascii: "d")
        let previous = bytes[bytes.index(bytes.endIndex, offsetBy: -2)]
        let length = word.unicodeScalars.count
        if last == UInt8(ascii: "g"), length >= 5, word.utf8.suffix(3).elementsEqual("ing".utf8) { return dropLast(word, 3) }
        guard length >= 4 else { return word }
        if previous == e && (last == d || last == s) { return dropLast(word, 2) }
        if last == s && previous != s { return dropLast(word, 1) }
        return word
    }

    private static func dropLast(_ word: String, _ count: Int) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.dropLast(count)))
    }
}

extension FileChange.Status {
    /// git's letter: A, M, D, R, C, T.
    var letter: String {
        switch self {
        case .added: return "A"
        case .modified: return "M"
        case .deleted: return "D"
        case .renamed: return "R"
        case .copied: return "C"
        case .typechange: return "T"
        }
    }
}
