import Foundation
import GRDB
import SteppeCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A store problem and the file it is about; put into words where it is shown.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var problem: StoreProblem

    public init(path: String, problem: StoreProblem) {
        self.path = path
        self.problem = problem
    }

    public var description: String { "\(path): \(Strings.english.storeProblem(problem))" }
}

/// The reader's bookmarks, notes and reading marks in one SQLite database (WAL mode, versioned
/// migrations), in `$XDG_DATA_HOME/steppe/user.sqlite`.
///
/// Every change is its own transaction, committed before `write` returns, so nothing waits for quit
/// and a killed process loses nothing it confirmed. Two processes may have it open at once: SQLite
/// serialises their writes, and `hasChangedElsewhere()` tells one when the other committed.
///
/// A file that cannot be opened for writing (damaged, not a database, no permission, made by a newer
/// steppe) is never written to, truncated or replaced: the store opens read-only, with what can be
/// read of it, and says why in `readOnlyReason`.
public final class UserStore: Sendable {
    public let file: URL
    /// Why changes cannot be saved; nil when they can.
    public let readOnlyReason: StoreProblem?
    private let writer: DatabasePool?
    private let reader: DatabaseQueue?

    /// Opens the store at `file`, creating it when missing (unless `forWriting` is false: a command
    /// that only reads never creates one). Never throws: a store that cannot be written opens
    /// read-only, with whatever can be read of it.
    public init(file: URL, forWriting: Bool = true) {
        self.file = file
        let path = file.path
        var info = stat()
        // A symbolic link to a store kept elsewhere (dotfiles) is followed; one that leads nowhere is not
        // a store to create through.
        let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        let exists = stat(path, &info) == 0
        if isLink && !exists {
            (writer, reader, readOnlyReason, isReadable) = (nil, nil, .linkToNothing, false)
            return
        }
        if exists && (info.st_mode & S_IFMT) != S_IFREG {
            (writer, reader, readOnlyReason, isReadable) = (nil, nil, .notAFile, false)
            return
        }
        guard exists || forWriting else {
            (writer, reader, readOnlyReason, isReadable) = (nil, nil, nil, true)
            return
        }
        // Before anything can write to it, check an existing file with a read-only connection:
        // opening a damaged database for writing could change its header.
        var probe: DatabaseQueue?
        if exists {
            do {
                var configuration = Configuration()
                configuration.readonly = true
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                probe = queue
                // Damaged (the check fails, or cannot even run): what can still be read is shown, nothing is written.
                let check = (try? queue.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }) ?? nil
                guard check == "ok" else {
                    (writer, reader, readOnlyReason, isReadable) = (nil, queue, .damaged, true)
                    return
                }
                if try queue.read({ db in try UserStore.migrator.hasBeenSuperseded(db) }) {
                    (writer, reader, readOnlyReason, isReadable) = (nil, queue, .newerVersion, true)
                    return
                }
            } catch {
                // A database in WAL mode needs to write beside itself even to be read.
                let reason = access(file.deletingLastPathComponent().path, W_OK) != 0
                    ? StoreProblem.folderNotWritable : UserStore.problem(error)
                (writer, reader, readOnlyReason, isReadable) = (nil, nil, reason, false)
                return
            }
        }
        guard forWriting else {
            (writer, reader, readOnlyReason, isReadable) = (nil, probe, nil, probe != nil)
            return
        }
        let folder = file.deletingLastPathComponent()
        if exists && access(folder.path, W_OK) != 0 {
            (writer, reader, readOnlyReason, isReadable) = (nil, probe, .folderNotWritable, probe != nil)
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            configuration.prepareDatabase { db in
                // The reader's notes: worth an fsync per change (a few a minute).
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            let pool = try DatabasePool(path: path, configuration: configuration)
            try UserStore.migrator.migrate(pool)
            (writer, reader, readOnlyReason, isReadable) = (pool, nil, nil, true)
        } catch {
            (writer, reader, readOnlyReason, isReadable) = (nil, probe, UserStore.problem(error), probe != nil)
        }
    }

    /// False when nothing at all could be read: a command must not pass that off as "no bookmarks".
    public let isReadable: Bool

    public var isReadOnly: Bool { readOnlyReason != nil }

    // MARK: Schema

    /// Versioned migrations: each runs once, in order, in its own transaction.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: bookmarks, notes, reading") { db in
            try db.execute(
                sql: """
                    CREATE TABLE article (
                        id TEXT PRIMARY KEY NOT NULL,
                        title TEXT NOT NULL,
                        url TEXT NOT NULL DEFAULT '',
                        published TEXT,
                        regions TEXT NOT NULL DEFAULT '');
                    CREATE TABLE bookmark (
                        articleID TEXT PRIMARY KEY NOT NULL,
                        createdAt INTEGER NOT NULL);
                    CREATE TABLE note (
                        id TEXT PRIMARY KEY NOT NULL,
                        articleID TEXT NOT NULL,
                        text TEXT NOT NULL,
                        block INTEGER,
                        quote TEXT,
                        before TEXT,
                        after TEXT,
                        createdAt INTEGER NOT NULL,
                        updatedAt INTEGER NOT NULL);
                    CREATE INDEX note_by_article ON note(articleID);
                    CREATE TABLE reading (
                        articleID TEXT PRIMARY KEY NOT NULL,
                        isRead INTEGER NOT NULL,
                        openedAt INTEGER,
                        block INTEGER,
                        offset INTEGER);
                    CREATE INDEX reading_by_opened ON reading(openedAt) WHERE openedAt IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v2: bookmark labels") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bookmarkLabel (
                        articleID TEXT NOT NULL REFERENCES bookmark(articleID) ON DELETE CASCADE,
                        label TEXT NOT NULL,
                        PRIMARY KEY (articleID, label));
                    """)
        }
        return migrator
    }

    /// The migrations this version knows, in order.
    public static var migrationNames: [String] { migrator.migrations }

    // MARK: Reading

    /// Everything in the store. Rows that do not make sense (a damaged value) are left out, never trusted.
    public func snapshot() throws(StoreError) -> UserSnapshot {
        do {
            let read: (Database) throws -> UserSnapshot = { db in try UserStore.snapshot(db) }
            if let writer { return try writer.read(read) }
            if let reader { return try reader.read(read) }
            guard isReadable else { throw StoreError(path: file.path, problem: readOnlyReason ?? .damaged) }
            return UserSnapshot()
        } catch {
            throw StoreError(path: file.path, problem: UserStore.problem(error))
        }
    }

    private static func snapshot(_ db: Database) throws -> UserSnapshot {
        // Each table on its own: in a damaged file, what can be read of the others is still shown.
        // A table that cannot be read at all is an error only when every one fails.
        var failures: [any Error] = []
        var attempts = 0
        func each(_ sql: String, _ body: (Row) -> Void) {
            attempts += 1
            do {
                let rows = try Row.fetchCursor(db, sql: sql)
                while let row = try rows.next() { body(row) }
            } catch {
                failures.append(error)
            }
        }
        var articles: [ArticleRef] = []
        each("SELECT id, title, url, published, regions FROM article") { row in
            guard let id = row.text(0) else { return }
            articles.append(
                ArticleRef(
                    id: id, title: row.text(1) ?? "", url: row.text(2) ?? "",
                    published: row.text(3).flatMap(PublishedDate.init(iso:)),
                    regions: (row.text(4) ?? "").split(separator: " ").map(String.init)))
        }
        var labels: [String: [String]] = [:]
        if (try? db.tableExists("bookmarkLabel")) == true {
            each("SELECT articleID, label FROM bookmarkLabel") { row in
                guard let id = row.text(0), let label = row.text(1) else { return }
                labels[id, default: []].append(label)
            }
        }
        var bookmarks: [Bookmark] = []
        each("SELECT articleID, createdAt FROM bookmark") { row in
            guard let id = row.text(0) else { return }
            bookmarks.append(Bookmark(articleID: id, createdAt: row.integer(1) ?? 0, labels: labels[id] ?? []))
        }
        var notes: [Note] = []
        each("SELECT id, articleID, text, block, quote, before, after, createdAt, updatedAt FROM note") { row in
            guard let id = row.text(0), let articleID = row.text(1), let text = row.text(2) else { return }
            var anchor: NoteAnchor?
            if let block = row.integer(3), let b = Int(exactly: block) {
                anchor = NoteAnchor(block: b, quote: row.text(4) ?? "", before: row.text(5) ?? "", after: row.text(6) ?? "")
            }
            notes.append(
                Note(id: id, articleID: articleID, text: text, anchor: anchor, createdAt: row.integer(7) ?? 0,
                     updatedAt: row.integer(8) ?? row.integer(7) ?? 0))
        }
        var marks: [ReadingMark] = []
        each("SELECT articleID, isRead, openedAt, block, offset FROM reading") { row in
            guard let id = row.text(0) else { return }
            var position: TextPosition?
            if let block = row.integer(3).flatMap({ Int(exactly: $0) }), let offset = row.integer(4).flatMap({ Int(exactly: $0) }) {
                position = TextPosition(block: block, offset: offset)
            }
            marks.append(ReadingMark(articleID: id, isRead: (row.integer(1) ?? 0) != 0, openedAt: row.integer(2), position: position))
        }
        if failures.count == attempts, let first = failures.first { throw first }
        return UserSnapshot(articles: articles, bookmarks: bookmarks, notes: notes, marks: marks)
    }

    /// True when another connection (another steppe) committed since the last call.
    public func hasChangedElsewhere() -> Bool {
        guard let writer else { return false }
        // data_version is per connection and moves only for commits made by others.
        let version = try? writer.writeWithoutTransaction { db in try Int64.fetchOne(db, sql: "PRAGMA data_version") }
        return lastDataVersion.withLock { last in
            defer { last = version ?? last }
            return version != nil && last != nil && version != last
        }
    }

    private let lastDataVersion = Mutex<Int64?>(nil)

    // MARK: Writing

    /// Commits one change and returns it with the stamps it was given (`now`, milliseconds).
    @discardableResult
    public func write(_ change: UserChange, now: Stamp = UserStore.now()) throws(StoreError) -> UserChange {
        guard let writer else { throw StoreError(path: file.path, problem: readOnlyReason ?? .damaged) }
        do {
            return try writer.write { db in try UserStore.apply(change, now: now, db) }
        } catch {
            throw StoreError(path: file.path, problem: UserStore.problem(error))
        }
    }

    /// Commits several changes in one transaction (an import): all or none.
    public func write(all changes: [UserChange], now: Stamp = UserStore.now()) throws(StoreError) {
        guard let writer else { throw StoreError(path: file.path, problem: readOnlyReason ?? .damaged) }
        do {
            try writer.write { db in for change in changes { _ = try UserStore.apply(change, now: now, db) } }
        } catch {
            throw StoreError(path: file.path, problem: UserStore.problem(error))
        }
    }

    private static func apply(_ change: UserChange, now: Stamp, _ db: Database) throws -> UserChange {
        switch change {
        case .setBookmark(var bookmark, let article):
            try save(article, db)
            let existing = try UserStore.integer(db, sql: "SELECT createdAt FROM bookmark WHERE articleID = ?", arguments: [bookmark.articleID])
            bookmark.createdAt = bookmark.createdAt ?? existing ?? now
            try UserStore.run(
                db, sql: "INSERT INTO bookmark (articleID, createdAt) VALUES (?, ?) ON CONFLICT(articleID) DO UPDATE SET createdAt = excluded.createdAt",
                arguments: [bookmark.articleID, bookmark.createdAt])
            try UserStore.run(db, sql: "DELETE FROM bookmarkLabel WHERE articleID = ?", arguments: [bookmark.articleID])
            for label in bookmark.labels {
                try UserStore.run(db, sql: "INSERT OR IGNORE INTO bookmarkLabel (articleID, label) VALUES (?, ?)", arguments: [bookmark.articleID, label])
            }
            return .setBookmark(bookmark, article)
        case .removeBookmark(let id):
            try UserStore.run(db, sql: "DELETE FROM bookmarkLabel WHERE articleID = ?", arguments: [id])
            try UserStore.run(db, sql: "DELETE FROM bookmark WHERE articleID = ?", arguments: [id])
            return change
        case .saveNote(var note, let article):
            try save(article, db)
            let existing = try UserStore.integer(db, sql: "SELECT createdAt FROM note WHERE id = ?", arguments: [note.id])
            note.createdAt = note.createdAt ?? existing ?? now
            note.updatedAt = note.updatedAt ?? now
            try UserStore.run(
                db, sql: """
                    INSERT INTO note (id, articleID, text, block, quote, before, after, createdAt, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET articleID = excluded.articleID, text = excluded.text,
                        block = excluded.block, quote = excluded.quote, before = excluded.before,
                        after = excluded.after, createdAt = excluded.createdAt, updatedAt = excluded.updatedAt
                    """,
                arguments: [
                    note.id, note.articleID, note.text, note.anchor?.block, note.anchor?.quote, note.anchor?.before,
                    note.anchor?.after, note.createdAt, note.updatedAt,
                ])
            return .saveNote(note, article)
        case .deleteNote(let id, _):
            try UserStore.run(db, sql: "DELETE FROM note WHERE id = ?", arguments: [id])
            return change
        case .opened(let id, let article, let stamp):
            try save(article, db)
            let at = stamp ?? now
            try UserStore.run(
                db, sql: """
                    INSERT INTO reading (articleID, isRead, openedAt) VALUES (?, 1, ?)
                    ON CONFLICT(articleID) DO UPDATE SET isRead = 1, openedAt = max(coalesce(openedAt, 0), excluded.openedAt)
                    """,
                arguments: [id, at])
            return .opened(articleID: id, article, at: at)
        case .setRead(let id, let isRead):
            try UserStore.run(
                db, sql: "INSERT INTO reading (articleID, isRead) VALUES (?, ?) ON CONFLICT(articleID) DO UPDATE SET isRead = excluded.isRead",
                arguments: [id, isRead])
            return change
        case .setPosition(let id, let position):
            try UserStore.run(
                db, sql: """
                    INSERT INTO reading (articleID, isRead, block, offset) VALUES (?, 1, ?, ?)
                    ON CONFLICT(articleID) DO UPDATE SET block = excluded.block, offset = excluded.offset
                    """,
                arguments: [id, position.block, position.offset])
            return change
        }
    }

    private static func save(_ article: ArticleRef, _ db: Database) throws {
        try UserStore.run(
            db, sql: """
                INSERT INTO article (id, title, url, published, regions) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET title = excluded.title, url = excluded.url,
                    published = excluded.published, regions = excluded.regions
                """,
            arguments: [article.id, article.title, article.url, article.published?.isoString, article.regions.joined(separator: " ")])
    }

    /// Runs a statement compiled once per connection: an import of 100,000 notes runs the same few.
    private static func run(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    /// One integer value; anything else (NULL, or text a damaged row holds) is nil.
    private static func integer(_ db: Database, sql: String, arguments: StatementArguments) throws -> Int64? {
        let value = try DatabaseValue.fetchOne(try db.cachedStatement(sql: sql), arguments: arguments)
        if case .int64(let n)? = value?.storage { return n }
        return nil
    }

    public static func now() -> Stamp { Stamp((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// SQLite's own words, without GRDB's wrapping of the statement.
    static func problem(_ error: any Error) -> StoreProblem {
        if let error = error as? StoreError { return error.problem }
        if let error = error as? DatabaseError {
            return .sqlite(error.message ?? String(describing: error.resultCode))
        }
        return .sqlite(String(describing: error))
    }
}

extension Row {
    /// A column's text, or nil when it holds anything else: a damaged row is skipped, not trusted.
    fileprivate func text(_ index: Int) -> String? {
        if case .string(let s) = (self[index] as DatabaseValue).storage { return s }
        return nil
    }

    fileprivate func integer(_ index: Int) -> Int64? {
        if case .int64(let n) = (self[index] as DatabaseValue).storage { return n }
        return nil
    }
}
