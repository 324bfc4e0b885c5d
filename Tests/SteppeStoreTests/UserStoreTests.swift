import Foundation
import GRDB
import SteppeCore
import Testing

@testable import SteppeStore

/// A fresh folder per test, removed afterwards.
final class Scratch {
    let folder: URL
    init() {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    deinit {
        chmod(folder.path, 0o700)
        try? FileManager.default.removeItem(at: folder)
    }
    var store: URL { folder.appendingPathComponent("user.sqlite") }
}

let tbilisi = ArticleRef(
    id: "tbilisi-metro", title: "Tbilisi metro fares rise", url: "https://eurasianet.org/tbilisi-metro",
    published: PublishedDate(iso: "2019-03-02"), regions: ["georgia"])
let dushanbe = ArticleRef(id: "dushanbe-tea", title: "Чайхана в Душанбе", url: "", regions: ["tajikistan"])

@Suite struct UserStoreTests {
    @Test func aNewStoreIsMigratedToTheLatestVersionInWALMode() throws {
        let scratch = Scratch()
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason == nil)
        let queue = try DatabaseQueue(path: scratch.store.path)
        let (applied, mode) = try queue.read { db in
            (try UserStore.migrator.appliedMigrations(db), try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(applied == UserStore.migrationNames)
        #expect(mode == "wal")
        #expect(try store.snapshot() == UserSnapshot())
    }

    @Test func aStoreOfThePreviousVersionIsMigratedKeepingItsData() throws {
        let scratch = Scratch()
        let queue = try DatabaseQueue(path: scratch.store.path)
        try UserStore.migrator.migrate(queue, upTo: "v1: bookmarks, notes, reading")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO article (id, title) VALUES ('tbilisi-metro', 'Tbilisi metro fares rise')")
            try db.execute(sql: "INSERT INTO bookmark (articleID, createdAt) VALUES ('tbilisi-metro', 1000)")
            try db.execute(
                sql: "INSERT INTO note (id, articleID, text, createdAt, updatedAt) VALUES ('n1', 'tbilisi-metro', 'fares', 5, 6)")
        }
        try queue.close()
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason == nil)
        var expected = UserSnapshot()
        expected.articles["tbilisi-metro"] = ArticleRef(id: "tbilisi-metro", title: "Tbilisi metro fares rise")
        expected.bookmarks["tbilisi-metro"] = Bookmark(articleID: "tbilisi-metro", createdAt: 1000)
        expected.notes["tbilisi-metro"] = [Note(id: "n1", articleID: "tbilisi-metro", text: "fares", createdAt: 5, updatedAt: 6)]
        #expect(try store.snapshot() == expected)
        // The new version's table works on the migrated file.
        try store.write(.setBookmark(Bookmark(articleID: "tbilisi-metro", labels: ["thesis"]), tbilisi), now: 2000)
        #expect(try store.snapshot().bookmarks["tbilisi-metro"] == Bookmark(articleID: "tbilisi-metro", createdAt: 1000, labels: ["thesis"]))
    }

    @Test func writesAreStampedAndReadBackAsTheSnapshotAppliesThem() throws {
        let scratch = Scratch()
        let store = UserStore(file: scratch.store)
        let anchor = NoteAnchor(block: 2, quote: "fares", before: "metro ", after: " rose")
        let changes: [UserChange] = [
            .setBookmark(Bookmark(articleID: tbilisi.id, labels: ["follow up", "thesis"]), tbilisi),
            .saveNote(Note(id: "n1", articleID: tbilisi.id, text: "Сравнить с Ереваном", anchor: anchor), tbilisi),
            .saveNote(Note(id: "n2", articleID: dushanbe.id, text: "whole article"), dushanbe),
            .opened(articleID: dushanbe.id, dushanbe),
            .setPosition(articleID: dushanbe.id, TextPosition(block: 3, offset: 120)),
            .setRead(articleID: tbilisi.id, false),
        ]
        var expected = UserSnapshot()
        for (i, change) in changes.enumerated() {
            let stamped = try store.write(change, now: Stamp(100 + i))
            expected.apply(stamped)
        }
        #expect(try store.snapshot() == expected)
        #expect(expected.bookmarks[tbilisi.id]?.createdAt == 100)
        #expect(expected.notes[tbilisi.id]?.first?.createdAt == 101)
        #expect(expected.marks[dushanbe.id] == ReadingMark(articleID: dushanbe.id, isRead: true, openedAt: 103, position: TextPosition(block: 3, offset: 120)))

        try store.write(.deleteNote(id: "n1", articleID: tbilisi.id))
        try store.write(.removeBookmark(articleID: tbilisi.id))
        expected.apply(.deleteNote(id: "n1", articleID: tbilisi.id))
        expected.apply(.removeBookmark(articleID: tbilisi.id))
        #expect(try store.snapshot() == expected)
    }

    @Test func twoConnectionsWritingAtOnceKeepEveryChangeAndSeeEachOther() throws {
        let scratch = Scratch()
        let first = UserStore(file: scratch.store)
        let second = UserStore(file: scratch.store)
        _ = first.hasChangedElsewhere()
        DispatchQueue.concurrentPerform(iterations: 2) { side in
            let store = side == 0 ? first : second
            for i in 0..<100 {
                let id = "article-\(side)-\(i)"
                _ = try? store.write(.setBookmark(Bookmark(articleID: id), ArticleRef(id: id, title: id)))
            }
        }
        #expect(try first.snapshot().bookmarks.count == 200)
        #expect(try second.snapshot().bookmarks.count == 200)
        #expect(first.hasChangedElsewhere())
        #expect(!first.hasChangedElsewhere())
        try first.write(.removeBookmark(articleID: "article-1-0"))
        #expect(!first.hasChangedElsewhere())
    }

    @Test(arguments: [
        Data("this is not a database, only some text that a disk or a person put here".utf8),
        Data(repeating: 0, count: 8192),
    ])
    func aDamagedFileOpensReadOnlyAndIsLeftByteIdentical(bytes: Data) throws {
        let scratch = Scratch()
        try bytes.write(to: scratch.store)
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason != nil)
        #expect(throws: StoreError.self) { try store.write(.removeBookmark(articleID: "x")) }
        #expect(try Data(contentsOf: scratch.store) == bytes)
    }

    @Test func aDatabaseWithDamagedPagesIsNotWritten() throws {
        let scratch = Scratch()
        do {
            let store = UserStore(file: scratch.store)
            for i in 0..<300 {
                try store.write(.saveNote(Note(id: "n\(i)", articleID: "a", text: String(repeating: "note ", count: 60)), tbilisi))
            }
        }
        // Checkpointed into the main file, then a page in the middle overwritten.
        let queue = try DatabaseQueue(path: scratch.store.path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE") }
        try queue.close()
        var bytes = try Data(contentsOf: scratch.store)
        #expect(bytes.count > 8 * 4096)
        bytes.replaceSubrange(4 * 4096..<5 * 4096, with: Data(repeating: 0xA5, count: 4096))
        try bytes.write(to: scratch.store)
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason == .damaged)
        // What can still be read is read: the bookmark's table is intact.
        #expect(try store.snapshot().articles[tbilisi.id] != nil)
        #expect(try Data(contentsOf: scratch.store) == bytes)
    }

    @Test func aFileWithoutWritePermissionIsReadButNotWritten() throws {
        guard getuid() != 0 else { return }  // root writes anyway
        let scratch = Scratch()
        do {
            let store = UserStore(file: scratch.store)
            try store.write(.setBookmark(Bookmark(articleID: tbilisi.id), tbilisi), now: 7)
        }
        chmod(scratch.folder.path, 0o500)
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason == .folderNotWritable)
        #expect(try store.snapshot().bookmarks[tbilisi.id] == Bookmark(articleID: tbilisi.id, createdAt: 7))
    }

    @Test func aLinkToAStoreElsewhereIsFollowedAndALinkToNothingIsNotWrittenThrough() throws {
        let scratch = Scratch()
        let elsewhere = scratch.folder.appendingPathComponent("dotfiles.sqlite")
        try UserStore(file: elsewhere).write(.setBookmark(Bookmark(articleID: tbilisi.id), tbilisi), now: 3)
        try FileManager.default.createSymbolicLink(at: scratch.store, withDestinationURL: elsewhere)
        let linked = UserStore(file: scratch.store)
        #expect(linked.readOnlyReason == nil)
        #expect(try linked.snapshot().bookmarks[tbilisi.id]?.createdAt == 3)

        let dangling = scratch.folder.appendingPathComponent("dangling.sqlite")
        try FileManager.default.createSymbolicLink(at: dangling, withDestinationURL: scratch.folder.appendingPathComponent("nowhere"))
        let store = UserStore(file: dangling)
        #expect(store.readOnlyReason == .linkToNothing)
        #expect(!FileManager.default.fileExists(atPath: scratch.folder.appendingPathComponent("nowhere").path))
        #expect(throws: StoreError.self) { try store.snapshot() }
    }

    @Test func aStoreOpenedOnlyToReadIsNotCreated() throws {
        let scratch = Scratch()
        let store = UserStore(file: scratch.store, forWriting: false)
        #expect(try store.snapshot() == UserSnapshot())
        #expect(!FileManager.default.fileExists(atPath: scratch.store.path))
    }

    @Test func aFolderInThePlaceOfTheFileIsRefused() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(at: scratch.store, withIntermediateDirectories: true)
        let store = UserStore(file: scratch.store)
        #expect(store.readOnlyReason == .notAFile)
        // Nothing could be read: that is an error, never an empty store.
        #expect(throws: StoreError(path: scratch.store.path, problem: .notAFile)) { try store.snapshot() }
    }

    @Test func tablesThatCannotBeReadAtAllAreAnErrorNotAnEmptyStore() throws {
        let scratch = Scratch()
        let queue = try DatabaseQueue(path: scratch.store.path)
        try queue.write { db in
            for table in ["article", "bookmark", "note", "reading", "bookmarkLabel"] { try db.execute(sql: "CREATE TABLE \(table) (x)") }
        }
        try queue.close()
        let store = UserStore(file: scratch.store, forWriting: false)
        #expect(throws: StoreError.self) { try store.snapshot() }
    }

    @Test func damagedValuesAreLeftOutNotTrusted() throws {
        let scratch = Scratch()
        _ = UserStore(file: scratch.store)
        let queue = try DatabaseQueue(path: scratch.store.path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO bookmark (articleID, createdAt) VALUES (x'00ff', 'yesterday')")
            try db.execute(sql: "INSERT INTO bookmark (articleID, createdAt) VALUES ('ok', 'yesterday')")
            try db.execute(sql: "INSERT INTO note (id, articleID, text, block, createdAt, updatedAt) VALUES ('n', 'ok', 7, 'two', 1, 1)")
        }
        try queue.close()
        let snapshot = try UserStore(file: scratch.store).snapshot()
        #expect(snapshot.bookmarks == ["ok": Bookmark(articleID: "ok", createdAt: 0)])
        // The column's affinity made text of 7; a block that is no number gives no anchor.
        #expect(snapshot.notes == ["ok": [Note(id: "n", articleID: "ok", text: "7", createdAt: 1, updatedAt: 1)]])
    }
}
