/// The reader's own data, all of it, as one value: bookmarks, notes and reading marks, with the
/// articles they refer to. The view model holds it and changes it as the reader acts; the store
/// gives it at start and whenever another process changed the database.
///
/// Dictionaries compare by identity first, so an unchanged snapshot costs nothing in `AppState ==`.
public struct UserSnapshot: Sendable, Equatable {
    public var articles: [String: ArticleRef] = [:]
    public var bookmarks: [String: Bookmark] = [:]
    /// Notes by article id, oldest first.
    public var notes: [String: [Note]] = [:]
    public var marks: [String: ReadingMark] = [:]

    public init() {}

    public init(articles: [ArticleRef], bookmarks: [Bookmark], notes: [Note], marks: [ReadingMark]) {
        for article in articles { self.articles[article.id] = article }
        for bookmark in bookmarks { self.bookmarks[bookmark.articleID] = bookmark }
        for note in notes { self.notes[note.articleID, default: []].append(note) }
        for key in self.notes.keys { self.notes[key]?.sort(by: UserSnapshot.olderFirst) }
        for mark in marks { self.marks[mark.articleID] = mark }
    }

    public var noteCount: Int { notes.values.reduce(0) { $0 + $1.count } }

    /// Orders what the store has not stamped yet among itself: a higher number is newer.
    public typealias Recency = (String) -> Int

    public func isBookmarked(_ id: String) -> Bool { bookmarks[id] != nil }
    public func isRead(_ id: String) -> Bool { marks[id]?.isRead ?? false }
    public func notes(on id: String) -> [Note] { notes[id] ?? [] }

    /// Every label in use, sorted, with how many bookmarks carry it.
    public var labels: [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for bookmark in bookmarks.values { for label in bookmark.labels { counts[label, default: 0] += 1 } }
        return counts.sorted { $0.key.lowercased() < $1.key.lowercased() }.map { ($0.key, $0.value) }
    }

    /// Bookmarked article ids, newest first (unconfirmed ones first of all); `label` narrows them.
    public func bookmarkedIDs(label: String? = nil, unconfirmed: Recency = { _ in 0 }) -> [String] {
        UserSnapshot.newestFirst(
            bookmarks.values.filter { label == nil || $0.labels.contains(label!) }.map { ($0.createdAt, $0.articleID) },
            unconfirmed)
    }

    /// Articles with notes, the one noted most recently first.
    public func notedIDs(unconfirmed: Recency = { _ in 0 }) -> [String] {
        let latest = notes.compactMap { id, notes -> (Stamp?, String)? in
            guard !notes.isEmpty else { return nil }
            // A note not yet stamped is the newest of all.
            if notes.contains(where: { $0.updatedAt == nil }) { return (nil, id) }
            return (notes.compactMap(\.updatedAt).max(), id)
        }
        return UserSnapshot.newestFirst(latest, unconfirmed)
    }

    /// Articles opened, the most recent first, at most `limit`.
    public func recentIDs(limit: Int = 50, unconfirmed: Recency = { _ in 0 }) -> [String] {
        Array(UserSnapshot.newestFirst(marks.values.filter(\.wasOpened).map { ($0.openedAt, $0.articleID) }, unconfirmed).prefix(limit))
    }

    /// Newest first; no stamp (not yet written) is newer than any, and among those `unconfirmed`
    /// decides; ties by id, so every order is stable.
    static func newestFirst(_ items: [(Stamp?, String)], _ unconfirmed: Recency) -> [String] {
        items.sorted { a, b in
            switch (a.0, b.0) {
            case (nil, nil):
                let (x, y) = (unconfirmed(a.1), unconfirmed(b.1))
                return x != y ? x > y : a.1 < b.1
            case (nil, _): return true
            case (_, nil): return false
            case (let x?, let y?): return x != y ? x > y : a.1 < b.1
            }
        }.map(\.1)
    }

    /// Applies a change. Idempotent: applying a change the snapshot already holds changes nothing,
    /// which is what lets a snapshot from the store be replayed with changes not yet confirmed.
    public mutating func apply(_ change: UserChange) {
        switch change {
        case .setBookmark(let bookmark, let article):
            remember(article)
            var bookmark = bookmark
            // A change not yet confirmed keeps a stamp already known rather than hiding it.
            if bookmark.createdAt == nil { bookmark.createdAt = bookmarks[bookmark.articleID]?.createdAt }
            bookmarks[bookmark.articleID] = bookmark
        case .removeBookmark(let id):
            bookmarks[id] = nil
        case .saveNote(let note, let article):
            remember(article)
            var list = notes[note.articleID] ?? []
            if let i = list.firstIndex(where: { $0.id == note.id }) {
                var merged = note
                if merged.createdAt == nil { merged.createdAt = list[i].createdAt }
                list[i] = merged
            } else {
                list.append(note)
                list.sort(by: UserSnapshot.olderFirst)
            }
            notes[note.articleID] = list
        case .deleteNote(let id, let articleID):
            notes[articleID]?.removeAll { $0.id == id }
            if notes[articleID]?.isEmpty == true { notes[articleID] = nil }
        case .opened(let id, let article, let stamp):
            remember(article)
            var mark = marks[id] ?? ReadingMark(articleID: id, isRead: true)
            mark.isRead = true
            mark.wasOpened = true
            // Unconfirmed (nil) counts as now; a replayed change never moves a confirmed stamp back.
            mark.openedAt = stamp.map { max($0, mark.openedAt ?? $0) }
            marks[id] = mark
        case .setRead(let id, let isRead):
            var mark = marks[id] ?? ReadingMark(articleID: id, isRead: isRead)
            mark.isRead = isRead
            marks[id] = mark
        case .setPosition(let id, let position):
            var mark = marks[id] ?? ReadingMark(articleID: id, isRead: true)
            mark.position = position
            marks[id] = mark
        }
    }

    private mutating func remember(_ article: ArticleRef) {
        if articles[article.id] != article { articles[article.id] = article }
    }

    static func olderFirst(_ a: Note, _ b: Note) -> Bool {
        let (x, y) = (a.createdAt ?? .max, b.createdAt ?? .max)
        return x != y ? x < y : a.id < b.id
    }
}
