import Foundation

/// What an article was when the reader marked it: enough to list a bookmark or a note, and to export
/// it, after the article has left the archive.
public struct ArticleRef: Sendable, Equatable, Hashable, Codable {
    public var id: String
    public var title: String
    public var url: String
    public var published: PublishedDate?
    public var regions: [String]

    public init(id: String, title: String, url: String = "", published: PublishedDate? = nil, regions: [String] = []) {
        self.id = id
        self.title = title
        self.url = url
        self.published = published
        self.regions = regions
    }
}

/// Milliseconds since 1970. Stamps are given by the store when a change is written; a change the
/// store has not confirmed yet has none, and counts as the newest.
public typealias Stamp = Int64

public struct Bookmark: Sendable, Equatable, Codable {
    public var articleID: String
    public var createdAt: Stamp?
    /// Sorted, without duplicates or blanks.
    public var labels: [String]

    public init(articleID: String, createdAt: Stamp? = nil, labels: [String] = []) {
        self.articleID = articleID
        self.createdAt = createdAt
        self.labels = Bookmark.normalized(labels)
    }

    /// Labels as typed, cleaned: trimmed, control characters dropped, at most 40 characters each,
    /// no duplicates (ignoring case), sorted.
    public static func normalized(_ labels: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for label in labels {
            let clean = String(TextSanitizer.clean(label).trimmingCharacters(in: .whitespaces).prefix(40))
            guard !clean.isEmpty, seen.insert(clean.lowercased()).inserted else { continue }
            result.append(clean)
        }
        return result.sorted { $0.lowercased() < $1.lowercased() }
    }

    /// Labels typed as one line: "thesis, follow up".
    public static func parse(labels line: String) -> [String] {
        normalized(line.split(separator: ",").map(String.init))
    }
}

/// A note on an article: on the article as a whole, on a paragraph, or on words quoted from one.
public struct Note: Sendable, Equatable, Codable, Identifiable {
    /// The longest note, in bytes, that an import accepts: far beyond any note, far below what would
    /// hold the screen up.
    public static let maximumLength = 1 << 20

    public var id: String
    public var articleID: String
    public var text: String
    public var anchor: NoteAnchor?
    public var createdAt: Stamp?
    public var updatedAt: Stamp?

    public init(
        id: String, articleID: String, text: String, anchor: NoteAnchor? = nil, createdAt: Stamp? = nil,
        updatedAt: Stamp? = nil
    ) {
        self.id = id
        self.articleID = articleID
        self.text = text
        self.anchor = anchor
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Whether an article was read, when it was last opened and where the reader stopped in it.
public struct ReadingMark: Sendable, Equatable, Codable {
    public var articleID: String
    public var isRead: Bool
    /// When it was last opened; nil while that is not yet confirmed by the store.
    public var openedAt: Stamp?
    /// Opened at least once (an article marked read by hand was not).
    public var wasOpened: Bool
    /// The block and character offset at the top of the pane when the article was left.
    public var position: TextPosition?

    public init(
        articleID: String, isRead: Bool, openedAt: Stamp? = nil, wasOpened: Bool? = nil, position: TextPosition? = nil
    ) {
        self.articleID = articleID
        self.isRead = isRead
        self.openedAt = openedAt
        self.wasOpened = wasOpened ?? (openedAt != nil)
        self.position = position
    }
}

/// A place in an article's text: a block (−1 for the heading) and a character offset in it.
public struct TextPosition: Sendable, Equatable, Hashable, Codable {
    public var block: Int
    public var offset: Int

    public init(block: Int, offset: Int) {
        self.block = block
        self.offset = offset
    }
}

/// One change to the reader's own data. The view model applies it at once; the store writes it in
/// the background and confirms it with the stamps it gave.
public enum UserChange: Sendable, Equatable, Codable {
    case setBookmark(Bookmark, ArticleRef)
    case removeBookmark(articleID: String)
    case saveNote(Note, ArticleRef)
    case deleteNote(id: String, articleID: String)
    /// The article was opened: it is read, and the newest in "Continue reading".
    case opened(articleID: String, ArticleRef, at: Stamp? = nil)
    case setRead(articleID: String, Bool)
    case setPosition(articleID: String, TextPosition)
}
