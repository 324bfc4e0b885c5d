import SteppeCore

/// Something that happened: the user did something, or a piece of work finished.
public enum Action: Sendable, Equatable {
    case keyPressed(KeyPress)
    case mouse(MouseEvent)
    case pasted(String)
    case resized(Size)
    /// The terminal is gone: end as on quit, keeping the reader's place.
    case terminalClosed
    case archiveProgressed(bytesDone: Int64, bytesTotal: Int64)
    case archiveOpened(Catalogue)
    /// The archive cannot be opened. Errors travel as values, put into words only where shown,
    /// in the interface language.
    case archiveFailed(ArchiveError)
    /// The archive's files changed on disk since it was opened (an import ran): offer to reload.
    case archiveChangedOnDisk
    /// The archive was read again after it changed; the reader keeps its place.
    case archiveReloaded(Catalogue, label: String?)
    case archiveReloadFailed(ArchiveError)
    /// Results of a search for `text` (ignored unless it is still the text in the search line).
    case searchResults(text: String, ids: [String], problem: SearchProblem?, isPartial: Bool)
    /// The snippets of a search's results, which follow its ids, and where its words are in their titles.
    case searchSnippets(text: String, snippets: [String: SearchSnippet], titles: [String: [Range<Int>]] = [:])
    case searchIndexProgressed(done: Int, total: Int)
    case searchIndexReady
    case searchIndexFailed(SearchProblem)
    case articleLoaded(Article)
    case articleFailed(id: String, error: ArchiveError)
    /// A browser was started on a link (the program's name), or could not be.
    case linkOpened(program: String)
    case linkFailed(reason: String?)
    /// Where the reader left this archive last time, if anywhere.
    case sessionLoaded(Session?)
    /// The reader's own data, read at start or again after another process changed it; with why the
    /// store cannot take changes, when it cannot.
    case userDataLoaded(UserSnapshot, readOnlyReason: StoreProblem?)
    /// The store committed a change, giving it stamps.
    case userChangeSaved(UserChange, stamped: UserChange)
    case userChangeFailed(UserChange, reason: StoreProblem)
    /// A theme could not be used (the reason names the file, line and key); the one before stays.
    case themeFailed(name: String, reason: String)
    /// The external editor ended with this text (nil: the text was not changed or could not be read).
    case externalEditFinished(String?)
    /// The external editor did not run (nil: none is set).
    case externalEditFailed(reason: String?)
}

/// Work for the program to do outside the reducer; its results come back as actions.
/// Values, never closures, so that tests compare them and the runner decides how each runs.
public enum Effect: Sendable, Equatable {
    /// Open (and on first sight index) the archive; answers with progress, then `archiveOpened` or `archiveFailed`.
    case openArchive(path: String)
    /// Read the open archive again; answers with `archiveReloaded` or `archiveReloadFailed`.
    case reloadArchive
    /// Search the archive; answers with `searchResults`. A newer search makes an older one's vanish.
    case search(SearchRequest)
    /// Read an article's full text; answers with `articleLoaded` or `articleFailed`.
    case loadArticle(id: String)
    /// Read where the reader left the open archive last time; answers with `sessionLoaded`.
    case loadSession
    /// Remember where the reader is in the open archive, for the next start.
    case saveSession(Session)
    /// Read the reader's own data (and from then on, watch for other processes' changes); answers
    /// with `userDataLoaded`.
    case loadUserData
    /// Commit a change to the store; answers with `userChangeSaved` or `userChangeFailed`.
    case saveUserChange(UserChange)
    /// Suspend the screen and edit this text in $VISUAL or $EDITOR; answers with
    /// `externalEditFinished` or `externalEditFailed`.
    case editExternally(String)
    /// Start a browser on a link, detached from the terminal; answers with `linkOpened` or `linkFailed`.
    case openLink(String)
    /// Put text on the terminal's clipboard (OSC 52).
    case copyToClipboard(String)
    /// Send the whole screen again, not only what changed.
    case redraw
    /// Draw with the theme of this name; answers with `themeFailed` when it cannot be loaded.
    case applyTheme(String)
    /// End the program once the writes already queued are done.
    case quit

    /// Effects with the same id replace each other: starting one cancels the one before, and a result
    /// of a cancelled one is never delivered ("latest wins").
    public enum ID: Sendable, Hashable {
        case archive, article, session, user, search
    }

    public var id: ID? {
        switch self {
        case .openArchive, .reloadArchive: .archive
        case .loadArticle: .article
        case .loadSession: .session
        case .loadUserData: .user
        case .search: .search
        case .saveSession, .saveUserChange, .editExternally, .openLink, .copyToClipboard, .redraw, .applyTheme, .quit: nil
        }
    }

    /// Writes run one at a time in the order they were asked for, and quitting waits for them;
    /// reads run side by side.
    public var isWrite: Bool {
        switch self {
        case .saveSession, .saveUserChange: true
        default: false
        }
    }
}
