import Foundation
import WorkmixCore

/// File changes as the store keeps them: six NUL-separated fields per file (status, insertions,
/// deletions, binary, path, old path). Git paths never hold NUL, so any other byte is safe.
enum ChangeCoding {
    /// The detail kept: 1 paths, 2 line counts. Nothing else is stored: an unreadable tree or blob is
    /// asked again next time, as a run without the store would.
    static func detail(of info: ChangeInfo) -> Int? {
        switch info {
        case .paths: return 1
        case .computed: return 2
        case .notComputed, .unavailable, .linesUnavailable: return nil
        }
    }

    static func encode(_ changes: [FileChange]) -> Data {
        var fields: [String] = []
        fields.reserveCapacity(changes.count * 6)
        for change in changes {
            fields += [
                change.status.rawValue, String(change.insertions), String(change.deletions),
                change.binary ? "1" : "0", change.path, change.oldPath ?? "",
            ]
        }
        return Data(fields.joined(separator: "\0").utf8)
    }

    static func decode(_ data: Data, detail: Int) -> ChangeInfo? {
        if data.isEmpty { return detail == 2 ? .computed([]) : .paths([]) }
        let fields = data.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        guard fields.count % 6 == 0 else { return nil }
        var changes: [FileChange] = []
        changes.reserveCapacity(fields.count / 6)
        var index = 0
        while index < fields.count {
            guard let status = FileChange.Status(rawValue: fields[index]),
                let insertions = Int(fields[index + 1]), let deletions = Int(fields[index + 2])
            else { return nil }
            let oldPath = fields[index + 5]
            changes.append(
                FileChange(
                    path: fields[index + 4], oldPath: oldPath.isEmpty ? nil : oldPath, status: status,
                    insertions: insertions, deletions: deletions, binary: fields[index + 3] == "1"))
            index += 6
        }
        return detail == 2 ? .computed(changes) : .paths(changes)
    }

    /// What a run that asked for `detail` would have read: paths alone are what a tree comparison
    /// gives, without the line counts' other fields.
    static func narrowed(_ info: ChangeInfo, to detail: ChangeDetail) -> ChangeInfo {
        guard detail == .paths, case .computed(let changes) = info else { return info }
        return .paths(changes.map { FileChange(path: $0.path, status: $0.status) })
    }
}
