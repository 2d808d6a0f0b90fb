import ArgumentParser
import Foundation
import WorkmixKit
import WorkmixStore

extension Workmix {
    struct Store: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "store",
            abstract: "The history store: what was read from git, kept between runs.",
            subcommands: [Info.self, Clear.self, Migrate.self])

        /// The store folder, as every history command finds it.
        struct Folder: ParsableArguments {
            @OptionGroup var folder: StoreFolderOption

            @Option(name: .customLong("repo"), help: "Only this repository's store.")
            var repo: String?

            var path: String { StoreLocation.folderPath(storeDir: folder.storeDir) }
        }

        struct Info: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Where the store is, its size, and per repository: commits, tips walked, rule digests.")

            @OptionGroup var folder: Folder

            func run() throws {
                let files = try StoreMaintenance.files(in: folder.path, repository: folder.repo)
                let infos = files.map(StoreMaintenance.info(path:))
                let repositories = infos.filter { $0.path.hasSuffix(".sqlite") }.count
                var lines = ["store: \(folder.path) (\(Self.bytes(infos.reduce(0) { $0 + $1.bytes })), \(repositories) repositories)"]
                for info in infos {
                    if let problem = info.problem, info.refused {
                        lines.append("\(info.path): not used (\(problem)): runs read git alone")
                        continue
                    }
                    if let problem = info.problem {
                        lines.append("\(info.path): unreadable (\(problem)): the next run rebuilds it")
                        continue
                    }
                    if let checkpoint = info.checkpoint {
                        lines += Self.describe(checkpoint, path: info.path, bytes: info.bytes)
                        continue
                    }
                    lines.append("\(info.path): \(Self.bytes(info.bytes)), \(info.commits) commits, \(info.tips.count) tips")
                    lines += info.tips.map { "  tip \($0)" }
                    lines += info.digests.map { "  rules \($0.digest): \($0.commits) commits classified" }
                }
                print(lines.joined(separator: "\n"))
            }

            /// A report checkpoint: what the run that wrote it read, and the tips it covers.
            static func describe(_ checkpoint: StoreMaintenance.CheckpointInfo, path: String, bytes: Int64) -> [String] {
                let read = "\(checkpoint.commitsRead) commit\(checkpoint.commitsRead == 1 ? "" : "s")"
                let how = checkpoint.resumed ? "\(read) since the checkpoint before" : "every commit (\(read))"
                return ["\(path): \(Self.bytes(bytes)), report checkpoint; the run that wrote it read \(how)"]
                    + checkpoint.repositories.flatMap { repository in
                        ["  repository \(repository.gitDirectory)"] + repository.tips.map { "    tip \($0)" }
                    }
            }

            static func bytes(_ count: Int64) -> String {
                count < 1 << 20 ? "\(count / 1024) KiB" : String(format: "%.1f MiB", Double(count) / Double(1 << 20))
            }
        }

        struct Clear: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Removes the store's files (with --repo, only that repository's); the next run reads git again.")

            @OptionGroup var folder: Folder

            func run() throws {
                let removed = try StoreMaintenance.clear(try StoreMaintenance.files(in: folder.path, repository: folder.repo))
                print("removed \(removed) store file(s) from \(folder.path)")
            }
        }

        struct Migrate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Creates or upgrades the tables of a shared PostgreSQL store (in one transaction).")

            @Option(
                name: .customLong("store"),
                help: ArgumentHelp("The store's postgresql://user@host/db URL. Default: WORKMIX_STORE_URL.", valueName: "url"))
            var storeURL: String?

            func validate() throws {
                if try StoreURLOption.server(storeURL) == nil { throw ValidationError("name the store with --store URL or WORKMIX_STORE_URL") }
            }

            func run() throws {
                guard let url = try StoreURLOption.server(storeURL) else { throw ValidationError("name the store with --store URL") }
                let (from, to) = try PostgresSchema.migrate(url: url)
                print(from == to ? "\(url): tables at version \(to), nothing to do" : "\(url): tables migrated from version \(from) to \(to)")
            }
        }
    }
}
