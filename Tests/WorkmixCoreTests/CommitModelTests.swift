import XCTest

@testable import WorkmixCore

final class CommitModelTests: XCTestCase {
    func testConventionalPrefixIsParsedAndStripped() throws {
        let prefix = try XCTUnwrap(ConventionalPrefix("feat(api)!: accept cursors"))
        XCTAssertEqual(prefix.type, "feat")
        XCTAssertEqual(prefix.description, "accept cursors")
        XCTAssertEqual(prefix.category, .investment)
        XCTAssertEqual(ConventionalPrefix("Refactor: split Config")?.category, .support)
        XCTAssertEqual(ConventionalPrefix("security: bump openssl")?.category, .maintenance)
        XCTAssertEqual(ConventionalPrefix("v3: add streaming")?.category, nil)
        XCTAssertNil(ConventionalPrefix("fix:crash"), "a prefix needs a space after its colon")
        XCTAssertNil(ConventionalPrefix("12: numbers are no type"))
        XCTAssertNil(ConventionalPrefix("feat(api: unclosed scope"))
        XCTAssertEqual(ConventionalPrefix("docs: explain")?.description, "explain")
    }

    func testFeaturesReadWordsFilesAndSizes() {
        let changes = [
            FileChange(path: "docs/guide.md", status: .added, insertions: 40),
            FileChange(path: "Sources/App/Cache.swift", insertions: 10, deletions: 2),
        ]
        let features = CommitFeatures(
            subject: "feat(cache): Added Redis caching for 2 stores v1.10",
            body: "Uses the pool.\n\nSigned-off-by: Ada <ada@example.com>",
            changes: changes, stats: ChangeStats(changes), settings: FeatureSettings())
        let values = Dictionary(uniqueKeysWithValues: zip(features.names, features.values))
        for expected in [
            "w:add", "first:add", "w:redi", "w:cach", "w:0", "w:v0", "bi:add_redi", "b:us", "b:pool",
            "hasbody", "fc:1", "ins:5", "del:1", "net:ins",
        ] {
            XCTAssertEqual(values[expected], 1, "\(expected) in \(features.names)")
        }
        XCTAssertEqual(values["kind:docs"], 0.5)
        XCTAssertEqual(values["kind:other"], 0.5)
        XCTAssertEqual(values["ext:md"], 0.5)
        XCTAssertEqual(values["st:A"], 0.5)
        XCTAssertNil(values["allst:A"], "one file is modified")
        XCTAssertNil(values["w:feat"], "the Conventional prefix is dropped")
        XCTAssertNil(values["b:ada"], "trailer lines are no body words")
        XCTAssertNil(values["nodiff"])
        let messageOnly = CommitFeatures(subject: "Add Redis", body: "", changes: nil, stats: nil, settings: FeatureSettings())
        XCTAssertEqual(messageOnly.names, ["w:add", "w:redi", "first:add", "bi:add_redi", "nodiff"])
        XCTAssertEqual(
            CommitFeatures(subject: "", body: "", changes: [], stats: nil, settings: FeatureSettings()).names,
            ["first:<none>", "nofiles", "fc:0", "nosize"])
    }

    /// Structure and folder words come from the paths alone, and a model file without their keys
    /// (written before them) reads as both off.
    func testStructureAndFolderWordsFromPaths() throws {
        var settings = FeatureSettings()
        settings.sizes = false
        settings.structure = true
        settings.pathWords = true
        let changes = [
            FileChange(path: "db/migrations/0001_add.rb", status: .added),
            FileChange(path: "spec/models/user_spec.rb"), FileChange(path: "app/models/user.rb"),
        ]
        let names = Set(CommitFeatures(subject: "Add users", body: "", changes: changes, stats: nil, settings: settings).names)
        for expected in ["fc:2", "add:1", "mix:test+other", "dir:migration", "dir:model", "dir:db", "dir:spec", "dir:app"] {
            XCTAssertTrue(names.contains(expected), "\(expected) in \(names.sorted())")
        }
        XCTAssertFalse(names.contains("ins:0"), "no line counts")
        XCTAssertEqual(settings.detail, .paths)
        let old = try XCTUnwrap(FeatureSettings(json: #"{"bigrams":true,"bodyWords":50,"files":true,"sizes":false}"#))
        XCTAssertFalse(old.structure || old.pathWords)
        XCTAssertNil(FeatureSettings(json: #"{"bigrams":true,"bodyWords":50,"files":true,"sizes":false,"structure":1}"#))
    }

    func testTokensAndStems() {
        XCTAssertEqual(Tokenizer.words("Über-fast es2015 v1.2.3 snake_case"), ["über", "fast", "es0", "v0", "0", "0", "snake", "case"])
        XCTAssertEqual(["adding", "fixes", "docs", "class", "used", "bus"].map(Tokenizer.stem), ["add", "fix", "doc", "class", "us", "bus"])
    }

    func testPathKinds() {
        XCTAssertEqual(PathKind.of("pkg/retry_test.go"), .test)
        XCTAssertEqual(PathKind.of("src/__tests__/a.ts"), .test)
        XCTAssertEqual(PathKind.of("web/yarn.lock"), .lock)
        XCTAssertEqual(PathKind.of(".github/workflows/ci.yml"), .ci)
        XCTAssertEqual(PathKind.of("README.md"), .docs)
        XCTAssertEqual(PathKind.of("vendor/github.com/x/y.go"), .vendor)
        XCTAssertEqual(PathKind.of("api/v1/service.pb.go"), .generated)
        XCTAssertEqual(PathKind.of("package.json"), .build)
        XCTAssertEqual(PathKind.of("src/index.ts"), .other)
        XCTAssertEqual(PathKind.of(".changeset/brave-dogs.md"), .changelog)
        XCTAssertEqual(PathKind.fileExtension(ofPath: "web/.gitignore"), "")
        XCTAssertEqual(PathKind.fileExtension(ofPath: "src/a.d.TS"), "ts")
    }

    /// Words that always go with one category are learned as that category; training twice gives the
    /// same file; the file reads back to the same predictions.
    func testTrainingLearnsDeterministicallyAndRoundTrips() throws {
        let labelled = Self.toyHistory()
        let first = try ModelTrainer().train(labelled, provenance: "toy")
        let second = try ModelTrainer().train(labelled, provenance: "toy")
        XCTAssertEqual(ModelFile.write(first), ModelFile.write(second))

        let model = try ModelFile.parse(ModelFile.write(first), file: "toy.model")
        XCTAssertEqual(model.predict(Self.record("Add a shiny export")).best.category, .investment)
        XCTAssertEqual(model.predict(Self.record("Crash in the export")).best.category, .maintenance)
        XCTAssertEqual(model.predict(Self.record("Simplify the export")).best.category, .support)
        let prediction = model.predict(Self.record("Add a shiny export"))
        XCTAssertEqual(prediction.probabilities.reduce(0, +), 1, accuracy: 1e-9)
        let top = prediction.topFeatures(for: .investment, limit: 20)
        XCTAssertTrue(top.contains { $0.hasPrefix("word \"shiny\" +") }, "\(top)")
    }

    /// Class priors weigh each category's commits to its share: a word seen as often with two categories
    /// leans to the one the priors say is usual, where balanced weights lean to the one trained more.
    func testClassPriorsShiftWhatAnAmbiguousCommitIs() throws {
        var labelled: [(record: CommitRecord, expected: Category)] = []
        for noun in ["login", "search", "export", "cache"] {
            labelled.append((Self.record("tweak the \(noun)"), .investment))
            labelled.append((Self.record("tweak the \(noun) layout"), .maintenance))
            labelled.append((Self.record("add a shiny \(noun)"), .investment))
            labelled.append((Self.record("crash in the \(noun)"), .maintenance))
            labelled.append((Self.record("crash in the \(noun) view"), .maintenance))
            labelled.append((Self.record("simplify the \(noun)"), .support))
        }
        let ambiguous = Self.record("tweak the billing")
        let balanced = try ModelTrainer().train(labelled, provenance: "toy").predict(ambiguous)
        var options = ModelTrainer.Options()
        options.classPriors = [0.1, 0.8, 0.1]
        let skewed = try ModelTrainer(options: options).train(labelled, provenance: "toy").predict(ambiguous)
        XCTAssertGreaterThan(balanced.probability(of: .investment), balanced.probability(of: .maintenance))
        XCTAssertEqual(skewed.best.category, .maintenance, skewed.summary)
        options.classPriors = [1, 1, 1]
        XCTAssertEqual(
            ModelFile.write(try ModelTrainer(options: options).train(labelled, provenance: "toy")),
            ModelFile.write(try ModelTrainer().train(labelled, provenance: "toy")), "equal priors are balanced weights")
    }

    /// A model whose features use no line counts asks for paths only; one that weighs sizes, for lines.
    func testModelRulesPreferWhatTheModelReads() throws {
        let matcher = Matcher.model(.investment, min: 0.5)
        var settings = FeatureSettings()
        let lines = CommitModel(settings: settings, bias: [0, 0, 0], weights: .init(), provenance: "", source: "")
        settings.sizes = false
        let paths = CommitModel(settings: settings, bias: [0, 0, 0], weights: .init(), provenance: "", source: "")
        XCTAssertEqual(matcher.preferredDetail(model: lines), .lines)
        XCTAssertEqual(Matcher.all([.text(.subject, try Pattern("x")), matcher]).preferredDetail(model: paths), .paths)
        XCTAssertNil(matcher.preferredDetail(model: nil))
    }

    func testTrainingNeedsTwoCategories() {
        XCTAssertThrowsError(try ModelTrainer().train([], provenance: ""))
        XCTAssertThrowsError(try ModelTrainer().train([(Self.record("Add a"), .investment)], provenance: ""))
    }

    func testBadModelFilesAreErrorsWithFileAndLine() throws {
        let good = ModelFile.write(try ModelTrainer().train(Self.toyHistory(), provenance: "toy"))
        func error(_ text: String) -> String {
            do { _ = try ModelFile.parse(text, file: "m.model"); return "" } catch { return "\(error)" }
        }
        XCTAssertTrue(error("{\"weights\": []}").contains("m.model:1: not a workmix model file"), error("{}"))
        XCTAssertTrue(error(good.replacingOccurrences(of: "workmix-model 1", with: "workmix-model 9")).contains("train it again"))
        let truncated = String(good.prefix(good.count - 40))
        XCTAssertTrue(error(truncated).contains("m.model:"), error(truncated))
        let noTab = good.replacingOccurrences(of: "\t", with: " ")
        XCTAssertTrue(error(noTab).contains("m.model:6: expected a feature"), error(noTab))
        XCTAssertTrue(error("").contains("not a workmix model file"))
    }

    func testModelMatcherAsksTheContextsModel() throws {
        let model = try ModelTrainer().train(Self.toyHistory(), provenance: "toy")
        let rules = try RuleLoader.parse(
            """
            version: 1
            rules:
              - id: learned_investment
                category: investment
                match: { model: { category: investment, min: 60% } }
            """, file: "m.yml")
        let set = RuleSet(rules: rules)
        XCTAssertTrue(set.usesModel)
        let record = Self.record("Add a shiny export")
        XCTAssertEqual(set.classify(record, context: RuleContext(model: model)).category, .investment)
        XCTAssertEqual(set.classify(record).category, .unclassified, "without a model the rule is unknown")
        let explained = set.classify(record, context: RuleContext(model: model)).evidence
        XCTAssertTrue(explained.first?.hasPrefix("model investment 0.") == true, "\(explained)")
        XCTAssertThrowsError(
            try RuleLoader.parse(
                "version: 1\nrules:\n  - id: x\n    category: support\n    match: { model: { category: support, min: 2 } }\n", file: "bad.yml")
        ) {
            XCTAssertTrue("\($0)".contains("bad.yml:5"), "\($0)")
        }
    }

    static func record(_ subject: String) -> CommitRecord {
        CommitRecord(sha: "", author: Person(name: "A", email: "a@b.c"), authoredAt: Timestamp(seconds: 0, offsetMinutes: 0), subject: subject)
    }

    static func toyHistory() -> [(record: CommitRecord, expected: Category)] {
        var labelled: [(record: CommitRecord, expected: Category)] = []
        for noun in ["login", "search", "export", "cache", "report", "billing"] {
            labelled.append((record("feat: add a shiny \(noun)"), .investment))
            labelled.append((record("fix: crash in the \(noun)"), .maintenance))
            labelled.append((record("fix: \(noun) crash on empty input"), .maintenance))
            labelled.append((record("refactor: simplify the \(noun)"), .support))
        }
        return labelled
    }
}
