import WorkmixKit
import WorkmixStore

extension StoreServerError {
    /// The error as stderr shows it: one line, the store's address without its password first.
    var text: String {
        switch kind {
        case .unreachable:
            return "\(url): cannot connect (\(detail))"
        case .rejected:
            return "\(url): the server refused the connection (\(detail))"
        case .connectionLost:
            return "\(url): the connection was lost (\(detail)): batches pushed before stay, the next push adds the rest"
        case .timeout:
            return "\(url): a statement timed out (\(detail)): batches pushed before stay, the next push adds the rest"
        case .notMigrated(let found, let expected):
            return "\(url): the store's tables are at version \(found), this workmix needs \(expected): run workmix store migrate --store URL"
        case .newerSchema(let found, let known):
            return "\(url): the store's tables are at version \(found), made by a newer workmix (this one knows \(known))"
        case .failed:
            return "\(url): \(detail)"
        }
    }
}
