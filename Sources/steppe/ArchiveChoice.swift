import Foundation
import SteppeCore
import SteppeResources

/// Which archive to open: the one named on the command line, the user's own, or the bundled sample.
struct ArchiveChoice {
    var path: String
    /// How the status bar names it.
    var label: String

    static func resolve(explicit: String?, directories: XDGDirectories) -> ArchiveChoice {
        let home = ProcessInfo.processInfo.environment["HOME"]
        if let explicit { return ArchiveChoice(path: explicit, label: abbreviate(explicit, home: home)) }
        let user = directories.userArchive
        if FileManager.default.fileExists(atPath: user.path) {
            return ArchiveChoice(path: user.path, label: abbreviate(user.path, home: home))
        }
        return ArchiveChoice(path: BundledResources.sampleArchive.path, label: strings.bundledSampleArchive)
    }

    static func abbreviate(_ path: String, home: String?) -> String {
        if let home, !home.isEmpty, home != "/", path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }
}
