import SteppeCore

/// The reader's own data as the screen shows it: the store's snapshot with the changes made since,
/// whether the store can take changes, and the lists derived from it (kept in step on every change,
/// so drawing a list of 10,000 bookmarks never sorts them).
public struct UserState: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        case loading
        case ready
        /// Changes are shown but cannot be saved; the reason is in the status bar.
        case readOnly(String)
    }

    public struct LabelCount: Sendable, Equatable {
        public var label: String
        public var count: Int
    }

    /// A bookmark removed with `d`, which `u` puts back.
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
    public var lastRemoval: Removal?
    /// Note boxes shown in the article pane (`A` hides them).
    public var showsNotes = true

    public private(set) var bookmarkOrder: [String] = []
    public private(set) var notedOrder: [String] = []
    public private(set) var recentOrder: [String] = []
    public private(set) var labels: [LabelCount] = []

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
    public mutating func load(_ snapshot: UserSnapshot, readOnlyReason: String?) {
        var data = snapshot
        for change in pending + unsaved { data.apply(change) }
        self.data = data
        status = readOnlyReason.map(Status.readOnly) ?? .ready
        derive()
    }

    /// Applies a change at once; the caller sends it to the store.
    public mutating func apply(_ change: UserChange) {
        data.apply(change)
        pending.append(change)
        derive(after: change)
    }

    /// The store wrote `change`, giving it stamps.
    public mutating func confirm(_ change: UserChange, stamped: UserChange) {
        if let i = pending.firstIndex(of: change) { pending.remove(at: i) }
        data.apply(stamped)
        derive(after: stamped)
    }

    /// The store could not write `change`: it stays shown, and is kept as unsaved.
    public mutating func fail(_ change: UserChange) {
        if let i = pending.firstIndex(of: change) { pending.remove(at: i) }
        unsaved.append(change)
    }


    /// Recomputes only what a change can affect.
    private mutating func derive(after change: UserChange) {
        switch change {
        case .setBookmark, .removeBookmark:
            bookmarkOrder = data.bookmarkedIDs()
            labels = data.labels.map { LabelCount(label: $0.label, count: $0.count) }
        case .saveNote, .deleteNote:
            notedOrder = data.notedIDs()
        case .opened:
            recentOrder = data.recentIDs()
        case .setRead, .setPosition:
            break
        }
    }

    private mutating func derive() {
        bookmarkOrder = data.bookmarkedIDs()
        labels = data.labels.map { LabelCount(label: $0.label, count: $0.count) }
        notedOrder = data.notedIDs()
        recentOrder = data.recentIDs()
    }

    /// The article ids of one of the reader's own lists.
    public func ids(of item: MenuItem) -> [String] {
        switch item {
        case .node: []
        case .recent: recentOrder
        case .bookmarks: bookmarkOrder
        case .label(let label): bookmarkOrder.filter { data.bookmarks[$0]?.labels.contains(label) == true }
        case .notes: notedOrder
        }
    }
}
