import SteppeCore

/// The reader's own data as the screen shows it: the store's snapshot with the changes made since,
/// whether the store can take changes, and the lists derived from it (kept in step on every change,
/// so drawing a list of 10,000 bookmarks never sorts them).
public struct UserState: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case loading
        case ready
        /// Changes are shown but cannot be saved; the reason is in the status bar.
        case readOnly(StoreProblem)
    }

    public struct LabelCount: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    /// A bookmark removed with `d` (or `s`), which `u` puts back.
    public struct Removal: Sendable, Equatable {
        public var bookmark: Bookmark
        public var article: ArticleRef
    }

    public private(set) var data = UserSnapshot()
    public var status: Status = .loading
    /// Changes shown but not yet confirmed by the store, oldest first.
    public private(set) var pending: [UserChange] = []
    /// Changes the store refused. Still shown, and their text is printed at exit, so nothing typed is lost.
    public private(set) var unsaved: [UserChange] = []
    /// Why the last of them was refused.
    public private(set) var lastProblem: StoreProblem?
    /// Removals, the last at the end: each `u` puts the last one back.
    public var removals: [Removal] = []

    /// Keeps a removal for `u`; the oldest go beyond a hundred.
    public mutating func remember(_ removal: Removal) {
        removals.append(removal)
        if removals.count > 100 { removals.removeFirst(removals.count - 100) }
    }
    /// Note boxes shown in the article pane (`A` hides them).
    public var showsNotes = true

    public private(set) var bookmarkOrder: [String] = []
    public private(set) var notedOrder: [String] = []
    public private(set) var recentOrder: [String] = []
    public private(set) var labels: [LabelCount] = []
    public private(set) var noteCount = 0
    /// What changes not yet stamped by the store created, in the order they were made: the lists
    /// show the newest first until the store's stamps arrive.
    private enum Unconfirmed: Hashable {
        case bookmark(String), note(String), opened(String)
    }
    private var unconfirmedOrder: [Unconfirmed: Int] = [:]
    private var sequence = 0

    public init() {}

    public init(data: UserSnapshot, status: Status = .ready) {
        self.data = data
        self.status = status
        derive()
    }

    public var isReadOnly: Bool {
        if case .readOnly = status { return true }
        return false
    }

    /// A snapshot from the store: the changes it has not confirmed yet are laid over it again.
    public mutating func load(_ snapshot: UserSnapshot, readOnlyReason: StoreProblem?) {
        data = snapshot
        for change in pending + unsaved { applyStamping(change) }
        status = readOnlyReason.map(Status.readOnly) ?? .ready
        derive()
    }

    /// Applies a change at once; the caller sends it to the store.
    public mutating func apply(_ change: UserChange) {
        applyStamping(change)
        pending.append(change)
        derive(after: change)
    }

    /// The store wrote `change`, giving it stamps.
    public mutating func confirm(_ change: UserChange, stamped: UserChange) {
        if let i = pending.firstIndex(of: change) { pending.remove(at: i) }
        data.apply(stamped)
        derive(after: stamped)
    }

    /// Applies a change, remembering the order of what it creates until the store stamps it.
    private mutating func applyStamping(_ change: UserChange) {
        data.apply(change)
        sequence += 1
        switch change {
        case .setBookmark(let bookmark, _) where data.bookmarks[bookmark.articleID]?.createdAt == nil:
            unconfirmedOrder[.bookmark(bookmark.articleID)] = sequence
        case .saveNote(let note, _):
            unconfirmedOrder[.note(note.articleID)] = sequence
        case .opened(let id, _, nil):
            unconfirmedOrder[.opened(id)] = sequence
        default:
            break
        }
    }

    /// The store could not write `change`: it stays shown, and is kept as unsaved.
    public mutating func fail(_ change: UserChange, _ problem: StoreProblem) {
        if let i = pending.firstIndex(of: change) { pending.remove(at: i) }
        unsaved.append(change)
        lastProblem = problem
    }


    /// Recomputes only what a change can affect.
    private mutating func derive(after change: UserChange) {
        switch change {
        case .setBookmark, .removeBookmark:
            deriveBookmarks()
        case .saveNote, .deleteNote:
            deriveNotes()
        case .opened:
            recentOrder = data.recentIDs { [unconfirmedOrder] in unconfirmedOrder[.opened($0)] ?? 0 }
        case .setRead, .setPosition:
            break
        }
    }

    private mutating func deriveBookmarks() {
        bookmarkOrder = data.bookmarkedIDs { [unconfirmedOrder] in unconfirmedOrder[.bookmark($0)] ?? 0 }
        labels = data.labels.map { LabelCount(label: $0.label, count: $0.count) }
    }

    private mutating func deriveNotes() {
        notedOrder = data.notedIDs { [unconfirmedOrder] in unconfirmedOrder[.note($0)] ?? 0 }
        noteCount = data.noteCount
    }

    private mutating func derive() {
        deriveBookmarks()
        deriveNotes()
        recentOrder = data.recentIDs { [unconfirmedOrder] in unconfirmedOrder[.opened($0)] ?? 0 }
    }

    /// The article ids of one of the reader's own lists.
    public func ids(of item: MenuItem) -> [String] {
        switch item {
        case .node, .searchResults: []
        case .recent: recentOrder
        case .bookmarks: bookmarkOrder
        case .label(let label): bookmarkOrder.filter { data.bookmarks[$0]?.labels.contains(label) == true }
        case .notes: notedOrder
        }
    }
}
