import Foundation

/// Bookmarks and notes as one JSON document: what `steppe notes export --format json` writes and
/// `steppe notes import` reads. Lossless: ids, stamps, labels, anchors and the articles' references
/// all travel, so an export imported into an empty store exports again byte for byte.
public struct UserExport: Sendable, Equatable, Codable {
    public var format = UserExport.formatName
    public var version = 1
    public var articles: [ArticleRef]
    public var bookmarks: [Bookmark]
    public var notes: [Note]

    public static let formatName = "steppe-notes"

    public init(articles: [ArticleRef], bookmarks: [Bookmark], notes: [Note]) {
        self.articles = articles.sorted { $0.id < $1.id }
        self.bookmarks = bookmarks.sorted { $0.articleID < $1.articleID }
        self.notes = notes.sorted { ($0.articleID, $0.createdAt ?? 0, $0.id) < ($1.articleID, $1.createdAt ?? 0, $1.id) }
    }

    /// Everything in a snapshot, or only what `keep` accepts by article id; articles without a
    /// bookmark or a note are left out.
    public init(_ snapshot: UserSnapshot, keep: (String) -> Bool = { _ in true }) {
        let bookmarks = snapshot.bookmarks.values.filter { keep($0.articleID) }
        let notes = snapshot.notes.values.joined().filter { keep($0.articleID) }
        let ids = Set(bookmarks.map(\.articleID)).union(notes.map(\.articleID))
        self.init(articles: ids.compactMap { snapshot.articles[$0] }, bookmarks: Array(bookmarks), notes: Array(notes))
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return (try? encoder.encode(self)) ?? Data()
    }

    public enum DecodeError: Error, Equatable {
        case notAnExport
        case newerVersion(Int)
        case invalid(String)
    }

    /// Reads an export, checking that it is one and of a version this steppe knows.
    public static func decode(_ data: Data) throws(DecodeError) -> UserExport {
        struct Format: Decodable { var format: String? }
        struct Version: Decodable { var version: Int }
        guard let format = try? JSONDecoder().decode(Format.self, from: data), format.format == formatName else {
            throw .notAnExport
        }
        guard let version = try? JSONDecoder().decode(Version.self, from: data).version, version >= 1 else {
            throw .invalid("'version' must be a whole number, 1")
        }
        guard version == 1 else { throw .newerVersion(version) }
        do {
            let export = try JSONDecoder().decode(UserExport.self, from: data)
            for id in export.articles.map(\.id) + export.bookmarks.map(\.articleID) + export.notes.map(\.articleID)
            where id.isEmpty {
                throw DecodeError.invalid("an empty article id")
            }
            if export.notes.contains(where: { $0.id.isEmpty }) { throw DecodeError.invalid("an empty note id") }
            if export.notes.contains(where: { $0.text.utf8.count > Note.maximumLength }) {
                throw DecodeError.invalid("a note longer than 1 MB")
            }
            return export
        } catch let error as DecodeError {
            throw error
        } catch {
            throw .invalid(DecodingErrorMessage.describe(error))
        }
    }

    /// The changes that merge this export into `snapshot`: new bookmarks and notes are added, a
    /// bookmark already there gains the export's labels, a note already there (same id) is replaced
    /// only by a newer edit, and a note that says the same thing at the same place under another id
    /// is a duplicate and left out.
    public func changes(mergingInto snapshot: UserSnapshot) -> [UserChange] {
        var changes: [UserChange] = []
        let references = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func reference(_ id: String) -> ArticleRef { references[id] ?? snapshot.articles[id] ?? ArticleRef(id: id, title: id) }
        // Merged as the file goes, so duplicates inside the file itself count too.
        var bookmarks = snapshot.bookmarks
        var changedBookmarks: [String] = []
        var seenBookmarks = Set<String>()
        for bookmark in self.bookmarks {
            if var existing = bookmarks[bookmark.articleID] {
                let labels = Bookmark.normalized(existing.labels + bookmark.labels)
                guard labels != existing.labels else { continue }
                existing.labels = labels
                bookmarks[bookmark.articleID] = existing
            } else {
                bookmarks[bookmark.articleID] = bookmark
            }
            if seenBookmarks.insert(bookmark.articleID).inserted { changedBookmarks.append(bookmark.articleID) }
        }
        for id in changedBookmarks { changes.append(.setBookmark(bookmarks[id]!, reference(id))) }

        struct Content: Hashable {
            var articleID: String
            var text: String
            var anchor: NoteAnchor?
        }
        var byID: [String: Note] = [:]
        var contents = Set<Content>()
        for note in snapshot.notes.values.joined() {
            byID[note.id] = note
            contents.insert(Content(articleID: note.articleID, text: note.text, anchor: note.anchor))
        }
        var changedNotes: [String] = []
        var seenNotes = Set<String>()
        for note in notes {
            if let existing = byID[note.id] {
                guard existing != note, (note.updatedAt ?? 0) > (existing.updatedAt ?? 0) else { continue }
            } else if contents.contains(Content(articleID: note.articleID, text: note.text, anchor: note.anchor)) {
                continue
            }
            byID[note.id] = note
            contents.insert(Content(articleID: note.articleID, text: note.text, anchor: note.anchor))
            if seenNotes.insert(note.id).inserted { changedNotes.append(note.id) }
        }
        for id in changedNotes { changes.append(.saveNote(byID[id]!, reference(byID[id]!.articleID))) }
        return changes
    }
}
