import Foundation
import SteppeCore
import SteppeResources

/// Which archive to open: the one named on the command line, the user's own, or the bundled sample.
struct ArchiveChoice {
    var path: String
    /// How the status bar names it.
    var label: String
    /// Asked for by name (`--archive`, `--sample`, config.toml), so never replaced by another.
    var isExplicit = false

    static func resolve(explicit: String?, sample: Bool = false, directories: XDGDirectories) -> ArchiveChoice {
        let home = ProcessInfo.processInfo.environment["HOME"]
        if sample {
            return ArchiveChoice(path: BundledResources.sampleArchive.path, label: strings.bundledSampleArchive, isExplicit: true)
        }
        if let explicit { return ArchiveChoice(path: explicit, label: abbreviate(explicit, home: home), isExplicit: true) }
        let user = directories.userArchive
        if FileManager.default.fileExists(atPath: user.path) {
            return ArchiveChoice(path: user.path, label: abbreviate(user.path, home: home))
        }
        return ArchiveChoice(path: BundledResources.sampleArchive.path, label: strings.bundledSampleArchive)
    }

    /// While the bundled sample is shown, the reader's own archive replaces it as soon as an import
    /// creates it.
    func replacement(_ directories: XDGDirectories) -> @Sendable (String) -> (path: String, label: String)? {
        if isExplicit { return { _ in nil } }
        let sample = BundledResources.sampleArchive.path
        let user = directories.userArchive
        let home = ProcessInfo.processInfo.environment["HOME"]
        return { path in
            guard path == sample,
                FileManager.default.fileExists(atPath: user.appendingPathComponent(ArchiveSource.metadataFileName).path)
            else { return nil }
            return (user.path, ArchiveChoice.abbreviate(user.path, home: home))
        }
    }

    static func abbreviate(_ path: String, home: String?) -> String {
        if let home, !home.isEmpty, home != "/", path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }
}
