import Foundation
import SteppeResources

/// Which archive to open: the one named on the command line, the user's own, or the bundled sample.
struct ArchiveChoice {
    var path: String
    /// How the status bar names it.
    var label: String

    static func resolve(explicit: String?, environment: [String: String]) -> ArchiveChoice {
        if let explicit { return ArchiveChoice(path: explicit, label: abbreviate(explicit, environment)) }
        let user = userArchive(environment)
        if FileManager.default.fileExists(atPath: user.path) {
            return ArchiveChoice(path: user.path, label: abbreviate(user.path, environment))
        }
        return ArchiveChoice(path: BundledResources.sampleArchive.path, label: "bundled sample archive")
    }

    /// `$XDG_DATA_HOME/steppe/archive`, or `~/.local/share/steppe/archive`.
    static func userArchive(_ environment: [String: String]) -> URL {
        let base: URL
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            base = URL(fileURLWithPath: xdg)
        } else {
            let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.homeDirectoryForCurrentUser
            base = home.appendingPathComponent(".local/share")
        }
        return base.appendingPathComponent("steppe/archive")
    }

    static func abbreviate(_ path: String, _ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty, home != "/", path.hasPrefix(home + "/") {
            return "~" + path.dropFirst(home.count)
        }
        return path
    }
}
