import Foundation
import WorkmixCore
import WorkmixGit

extension ResidencyPlan {
    /// Per repository (by `NamedRepository.identity`) that is a shallow clone, the earliest author date
    /// of the commits where its history was cut: commits before it are missing. Repositories served by
    /// a database alone, or that cannot be opened, have none.
    func shallowCuts() -> [String: Timestamp] {
        var cuts: [String: Timestamp] = [:]
        for repository in repositories {
            var path = repository.path
            if (path as NSString).lastPathComponent == ".git" { path = (path as NSString).deletingLastPathComponent }
            guard let opened = try? Repository(discovering: path), opened.isShallow else { continue }
            let dates = opened.shallowBoundary().compactMap { try? opened.commit($0).author }
                .map { Timestamp(seconds: $0.time, offsetMinutes: $0.offsetMinutes) }
            if let first = dates.min() { cuts[repository.identity] = first }
        }
        return cuts
    }
}
