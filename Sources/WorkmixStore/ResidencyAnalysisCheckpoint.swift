import Foundation
import WorkmixCore

extension ResidencyAggregator {
    /// What the aggregator has added up, for a report's checkpoint (SPEC 8): a later run restores it and
    /// adds only the commits since. Sums and sets only, so the order commits come in does not matter.
    package struct Checkpoint: Codable, Sendable {
        var seen: PackedStrings
        var work: CategoryTallies
        var own: CategoryTallies
        var paired: CategoryTallies
        var pairings: [String: CategoryTallies]
        /// Each week's `CategoryTallies.packed`.
        var weeks: PackedIntegers
        var names: [String: [String: Int]]
        var emails: [String: String]
    }

    /// The shas of the commits counted.
    package var counted: Set<String> { seen }

    package var checkpoint: Checkpoint {
        Checkpoint(
            seen: PackedStrings(seen), work: work, own: own, paired: paired, pairings: pairings,
            weeks: PackedIntegers(lists: weeks.map(\.work.packed)),
            names: names.counts, emails: names.emails)
    }

    /// Takes up what a checkpoint kept; false when it was made for other residency weeks.
    package mutating func restore(_ checkpoint: Checkpoint) -> Bool {
        guard let packedWeeks = checkpoint.weeks.lists, packedWeeks.count == weeks.count, let seen = checkpoint.seen.strings
        else { return false }
        let tallies = packedWeeks.compactMap(CategoryTallies.init(packed:))
        guard tallies.count == weeks.count else { return false }
        self.seen = Set(seen)
        work = checkpoint.work
        own = checkpoint.own
        paired = checkpoint.paired
        pairings = checkpoint.pairings
        for index in weeks.indices { weeks[index].work = tallies[index] }
        names = NameCounts(counts: checkpoint.names, emails: checkpoint.emails)
        return true
    }
}

extension ResidencyAnalysis {
    /// What the analysis has added up, for a report's checkpoint (SPEC 8).
    package struct Checkpoint: Codable, Sendable {
        var residencies: [ResidencyAggregator.Checkpoint]
        var summaryWork: CategoryTallies
    }

    package var checkpoint: Checkpoint {
        Checkpoint(residencies: aggregators.map(\.checkpoint), summaryWork: summaryWork)
    }

    /// Takes up what a checkpoint kept; false when it was made for other residencies.
    package mutating func restore(_ checkpoint: Checkpoint) -> Bool {
        guard checkpoint.residencies.count == aggregators.count else { return false }
        for index in aggregators.indices where !aggregators[index].restore(checkpoint.residencies[index]) { return false }
        // The summary counts each commit some residency counted, once.
        summarySeen = aggregators.reduce(into: []) { $0.formUnion($1.counted) }
        summaryWork = checkpoint.summaryWork
        return true
    }
}
