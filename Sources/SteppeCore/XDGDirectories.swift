import Foundation

/// The four base folders of the XDG Base Directory specification, resolved once from the environment.
///
/// The one place Steppe decides where files go: a variable that is set to an absolute path wins; a
/// relative or empty one is ignored, as the specification says, and the default is built on `$HOME`
/// (the variable, not the password database, so that `HOME=/tmp/x steppe` stays inside /tmp/x).
public struct XDGDirectories: Sendable, Equatable {
    /// `$HOME` when it is an absolute path, else the account's home.
    public var home: URL
    public var data: URL
    public var config: URL
    public var cache: URL
    public var state: URL

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let home = environment["HOME"].flatMap { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : nil }
            ?? FileManager.default.homeDirectoryForCurrentUser
        self.home = home
        func base(_ variable: String, _ fallback: String) -> URL {
            if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
            return home.appendingPathComponent(fallback)
        }
        data = base("XDG_DATA_HOME", ".local/share")
        config = base("XDG_CONFIG_HOME", ".config")
        cache = base("XDG_CACHE_HOME", ".cache")
        state = base("XDG_STATE_HOME", ".local/state")
    }

    /// Steppe's own folder under each base.
    public var steppeData: URL { data.appendingPathComponent("steppe") }
    public var steppeConfig: URL { config.appendingPathComponent("steppe") }
    public var steppeCache: URL { cache.appendingPathComponent("steppe") }
    public var steppeState: URL { state.appendingPathComponent("steppe") }

    /// The user's own archive, opened when no other is named.
    public var userArchive: URL { steppeData.appendingPathComponent("archive") }
    /// The reader's own data: bookmarks, notes, reading marks. Apart from the archive, which can be rebuilt.
    public var userStore: URL { steppeData.appendingPathComponent("user.sqlite") }
    /// User themes, which override bundled ones of the same name.
    public var userThemes: URL { steppeConfig.appendingPathComponent("themes") }
}
