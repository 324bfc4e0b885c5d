import Dispatch
import Foundation
import SteppeCore
import SteppeRendering
import SteppeSearch
import SteppeStore
import SteppeViewModel

/// The I/O the effect runner does on the program's behalf, as replaceable functions.
///
/// The live clients touch the disk; tests hand the runner their own, to hold work back, fail it, or
/// count it. Later clients (the user's store, the search index, the importer) join here.
public struct Clients: Sendable {
    public typealias Progress = @Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void

    /// Opens an archive, indexing it on first sight, and reports progress while it scans.
    public var openArchive: @Sendable (_ path: String, _ progress: @escaping Progress) throws(ArchiveError) -> Library
    /// Reads one article's text.
    public var loadArticle: @Sendable (_ bodies: ArchiveBodies, _ header: ArticleHeader) throws(ArchiveError) -> Article
    /// Where the reader left the archive at this path.
    public var loadSession: @Sendable (_ archivePath: String) -> Session?
    /// Remembers where the reader is in the archive at this path.
    public var saveSession: @Sendable (_ session: Session, _ archivePath: String) throws -> Void
    /// Starts a browser on a link.
    public var openLink: @Sendable (_ link: String) -> LinkOpener.Outcome
    /// The reader's own data, and why the store cannot take changes when it cannot.
    public var loadUserData: @Sendable () -> (UserSnapshot, readOnlyReason: StoreProblem?)
    /// Commits a change and returns it stamped; throws a `StoreError` when it cannot.
    public var saveUserChange: @Sendable (UserChange) throws -> UserChange
    /// True when another process changed the store since the last call.
    public var userDataChangedElsewhere: @Sendable () -> Bool
    /// Edits text in the reader's own editor, on the terminal the loop hands over.
    public var editText: @Sendable (String) -> ExternalEditor.Outcome
    /// What identifies the state of the archive's files at this path (nil when it cannot be read):
    /// when it changes, an import has changed the archive.
    public var archiveStamp: @Sendable (_ path: String) -> [Int64]?
    /// The archive a reload opens instead of the one at this path, and how the status bar names it:
    /// the reader's own archive once an import has created it, in place of the bundled sample.
    public var replacement: @Sendable (_ path: String) -> (path: String, label: String)?
    /// The search index of an archive, opened (or made) in the cache; nil when there is none to have.
    public var openSearchIndex: @Sendable (_ source: ArchiveSource) throws -> SearchIndex?
    /// Loads a theme by name: the theme, or why it cannot be used.
    public var loadTheme: @Sendable (_ name: String) -> Result<Theme, Theme.LoadError>
    /// How often to look for another process's changes to the store and the archive.
    public var watchInterval: DispatchTimeInterval

    /// Where no themes are to be had (tests): every name is refused.
    public static let noThemes: @Sendable (String) -> Result<Theme, Theme.LoadError> = { name in
        .failure(Theme.LoadError(description: "no theme named '\(name)'"))
    }

    public init(
        openArchive: @escaping @Sendable (String, @escaping Progress) throws(ArchiveError) -> Library,
        loadArticle: @escaping @Sendable (ArchiveBodies, ArticleHeader) throws(ArchiveError) -> Article = {
            bodies, header throws(ArchiveError) in try bodies.article(header)
        },
        loadSession: @escaping @Sendable (String) -> Session? = { _ in nil },
        saveSession: @escaping @Sendable (Session, String) throws -> Void = { _, _ in },
        openLink: @escaping @Sendable (String) -> LinkOpener.Outcome = { _ in .noBrowser },
        loadUserData: @escaping @Sendable () -> (UserSnapshot, readOnlyReason: StoreProblem?) = { (UserSnapshot(), nil) },
        saveUserChange: @escaping @Sendable (UserChange) throws -> UserChange = { $0 },
        userDataChangedElsewhere: @escaping @Sendable () -> Bool = { false },
        editText: @escaping @Sendable (String) -> ExternalEditor.Outcome = { _ in .noEditor },
        archiveStamp: @escaping @Sendable (String) -> [Int64]? = { _ in nil },
        replacement: @escaping @Sendable (String) -> (path: String, label: String)? = { _ in nil },
        openSearchIndex: @escaping @Sendable (ArchiveSource) throws -> SearchIndex? = { _ in nil },
        loadTheme: @escaping @Sendable (String) -> Result<Theme, Theme.LoadError> = Clients.noThemes,
        watchInterval: DispatchTimeInterval = .seconds(1)
    ) {
        self.loadTheme = loadTheme
        self.watchInterval = watchInterval
        self.archiveStamp = archiveStamp
        self.replacement = replacement
        self.openSearchIndex = openSearchIndex
        self.openLink = openLink
        self.loadUserData = loadUserData
        self.saveUserChange = saveUserChange
        self.userDataChangedElsewhere = userDataChangedElsewhere
        self.editText = editText
        self.openArchive = openArchive
        self.loadArticle = loadArticle
        self.loadSession = loadSession
        self.saveSession = saveSession
    }

    /// The clients of the real program: archives from disk, indexed into `cache`; sessions in
    /// `sessions`; bookmarks and notes in `store`.
    /// `isTerminating` tells an external editor when steppe was told to end.
    public static func live(
        cache: HeaderCache, sessions: SessionStore, store: UserStore, isTerminating: @escaping @Sendable () -> Bool = { false },
        replacement: @escaping @Sendable (String) -> (path: String, label: String)? = { _ in nil },
        loadTheme: @escaping @Sendable (String) -> Result<Theme, Theme.LoadError> = Clients.noThemes
    ) -> Clients {
        let environment = ProcessInfo.processInfo.environment
        return Clients(
            openArchive: { path, progress throws(ArchiveError) in
                let prepared = try ArchiveReader.prepare(path)
                if let library = ArchiveReader.loadIndexed(prepared, cache: cache) { return library }
                return try ArchiveReader.load(prepared, cache: cache) { done, total in progress(done, total) }
            },
            loadSession: { path in sessions.load(for: path) },
            saveSession: { session, path in try sessions.save(session, for: path) },
            openLink: { link in LinkOpener.open(link, environment: environment) },
            loadUserData: {
                do throws(StoreError) {
                    return (try store.snapshot(), store.readOnlyReason)
                } catch {
                    return (UserSnapshot(), error.problem)
                }
            },
            saveUserChange: { change in try store.write(change) },
            userDataChangedElsewhere: { store.hasChangedElsewhere() },
            editText: { text in ExternalEditor.edit(text, environment: environment, isTerminating: isTerminating) },
            archiveStamp: { path in ArchiveSource.stamp(replacement(path)?.path ?? path) },
            replacement: replacement,
            openSearchIndex: { source in try SearchIndex(file: SearchIndex.file(for: source)) },
            loadTheme: loadTheme)
    }
}
