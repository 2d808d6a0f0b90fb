import WorkmixCore
import XCTest

@testable import WorkmixKit

final class LabelSampleTests: XCTestCase {
    func candidates(_ count: Int) -> [LabelCandidate] {
        let categories: [Category] = [.maintenance, .maintenance, .maintenance, .investment, .support, .unclassified]
        return (0..<count).map { index in
            let record = CommitRecord(
                sha: String(format: "%040x", index), author: Person(name: "A", email: "a@x.io"),
                authoredAt: Timestamp(seconds: Int64(index), offsetMinutes: 0), subject: "commit \(index)", body: "")
            return LabelCandidate(ClassifiedCommit(record: record, classification: Classification(category: categories[index % 6])))
        }
    }

    func testSeventyThirtyAndEnrichedOnlyFromInvestmentAndSupport() {
        let sample = LabelSample.draw(candidates(600), count: 100, seed: 7)
        XCTAssertEqual(sample.count, 100)
        XCTAssertEqual(Set(sample.map(\.sha)).count, 100)
        XCTAssertEqual(sample.filter { $0.stratum == .uniform }.count, 70)
        let enriched = sample.filter { $0.stratum == .enriched }
        XCTAssertEqual(enriched.count, 30)
        XCTAssertTrue(enriched.allSatisfy { [.investment, .support].contains($0.category) })
    }

    func testSameSeedSameSampleOtherSeedOtherSample() {
        let all = candidates(300)
        XCTAssertEqual(LabelSample.draw(all, count: 50, seed: 1), LabelSample.draw(all, count: 50, seed: 1))
        XCTAssertNotEqual(LabelSample.draw(all, count: 50, seed: 1).map(\.sha), LabelSample.draw(all, count: 50, seed: 2).map(\.sha))
    }

    func testTooFewToEnrichIsToppedUpUniformlyAndSmallHistoriesGiveEverything() {
        var few = candidates(60)
        for index in few.indices { few[index].category = index < 2 ? .support : .maintenance }
        let sample = LabelSample.draw(few, count: 20, seed: 3)
        XCTAssertEqual(sample.count, 20)
        XCTAssertLessThanOrEqual(sample.filter { $0.stratum == .enriched }.count, 2)
        XCTAssertEqual(Set(LabelSample.draw(few, count: 500, seed: 3).map(\.sha)), Set(few.map(\.sha)))
    }
}
