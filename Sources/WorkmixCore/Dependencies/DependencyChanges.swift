import Foundation

/// A dependency manifest workmix reads, known by its file name.
package enum Manifest: String, Sendable, CaseIterable {
    case npm, composer, goModule = "go", bundler, cargo, requirements, pyproject, maven, gradle, swiftPM = "swiftpm"

    /// The manifest a path names, by its file name (in any folder); nil for any other file.
    package init?(path: String) {
        let name = path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? Substring(path)
        switch name {
        case "package.json": self = .npm
        case "composer.json": self = .composer
        case "go.mod": self = .goModule
        case "Gemfile", "gems.rb": self = .bundler
        case "Cargo.toml": self = .cargo
        case "pyproject.toml": self = .pyproject
        case "pom.xml": self = .maven
        case "build.gradle", "build.gradle.kts": self = .gradle
        case "Package.swift": self = .swiftPM
        default:
            guard name.hasPrefix("requirements"), name.hasSuffix(".txt") || name.hasSuffix(".in") else { return nil }
            self = .requirements
        }
    }

    /// Manifests of one ecosystem: a dependency removed from one and another added to another is a replacement.
    package var ecosystem: String {
        switch self {
        case .requirements, .pyproject: return "python"
        case .maven, .gradle: return "jvm"
        default: return rawValue
        }
    }

    /// The dependencies the manifest's text declares, by name, with the version or range as written
    /// ("" when none is).
    package func dependencies(in text: String) -> [String: String] {
        switch self {
        case .npm: return ManifestParsers.json(text, sections: ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"])
        case .composer: return ManifestParsers.json(text, sections: ["require", "require-dev"])
        case .goModule: return ManifestParsers.goModule(text)
        case .bundler: return ManifestParsers.gemfile(text)
        case .cargo: return ManifestParsers.cargo(text)
        case .requirements: return ManifestParsers.requirements(text)
        case .pyproject: return ManifestParsers.pyproject(text)
        case .maven: return ManifestParsers.maven(text)
        case .gradle: return ManifestParsers.gradle(text)
        case .swiftPM: return ManifestParsers.swiftPackage(text)
        }
    }
}

/// What a commit did to its dependencies, over every manifest it changed: the rules' `dependencies`
/// matcher (SPEC 11). Names are `ecosystem:name`, sorted.
package struct DependencyChanges: Sendable, Hashable {
    package var added: [String] = []
    package var removed: [String] = []
    /// A version whose first number changed (`^4.17.0` → `^5.0.0`).
    package var majorBumps: [String] = []
    /// A version that changed otherwise.
    package var otherBumps: [String] = []
    /// Manifests the commit changed.
    package var manifests: [String] = []

    package init() {}

    /// One dependency out and another in, in the same ecosystem.
    package var replaced: Bool {
        let removedIn = Set(removed.map { $0.prefix { $0 != ":" } })
        return added.contains { removedIn.contains($0.prefix { $0 != ":" }) }
    }

    /// Adds the difference between one manifest's two versions (nil: the file is absent on that side).
    package mutating func compare(_ manifest: Manifest, path: String, old: String?, new: String?) {
        let before = old.map(manifest.dependencies(in:)) ?? [:]
        let after = new.map(manifest.dependencies(in:)) ?? [:]
        let prefix = manifest.ecosystem + ":"
        manifests.append(path)
        for (name, version) in after {
            guard let previous = before[name] else { added.append(prefix + name); continue }
            guard previous != version else { continue }
            if let first = Self.major(previous), let second = Self.major(version), first != second {
                majorBumps.append(prefix + name)
            } else {
                otherBumps.append(prefix + name)
            }
        }
        removed += before.keys.filter { after[$0] == nil }.map { prefix + $0 }
        // One dependency moved from a manifest to another (modules merged or split) is neither.
        let moved = Set(added).intersection(removed)
        added.removeAll { moved.contains($0) }
        removed.removeAll { moved.contains($0) }
        for keyPath in [\Self.added, \.removed, \.majorBumps, \.otherBumps] { self[keyPath: keyPath] = Array(Set(self[keyPath: keyPath])).sorted() }
    }

    /// The first number of a version or range (`~> 1.2` → 1, `v2.0.1` → 2); nil when it has none.
    static func major(_ version: String) -> Int? {
        guard let start = version.firstIndex(where: \.isNumber) else { return nil }
        return Int(version[start...].prefix(while: \.isNumber).prefix(9))
    }
}
