/// What lists and menus need of an article, without its body.
///
/// Kept small on purpose: a 50,000-article archive holds all of these in memory.
public struct ArticleHeader: Sendable, Equatable {
    public var id: String
    /// Where the article was published, for opening and copying.
    public var url: String
    public var title: String
    public var authors: [String]
    public var published: PublishedDate
    public var language: String
    /// The taxonomy nodes the article is filed under (its regions, topics and section), as table indices.
    public var nodes: [Int32]
    /// Where the article's line lies in a folder archive's JSON Lines file.
    public var span: LineSpan?

    public init(
        id: String, url: String, title: String, authors: [String], published: PublishedDate, language: String,
        nodes: [Int32], span: LineSpan?
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.language = language
        self.nodes = nodes
        self.span = span
    }

    public var isEnglish: Bool { language.lowercased().hasPrefix("en") }

    /// Newest first; ties broken by id so that every order is stable.
    public static func newestFirst(_ a: ArticleHeader, _ b: ArticleHeader) -> Bool {
        a.published.secondsSince1970 != b.published.secondsSince1970 ? a.published > b.published : a.id < b.id
    }
}

/// An entry as filed under the taxonomy: what the shared entry rules look at.
protocol FiledEntry: Sendable {
    var id: String { get }
    var regions: [String] { get }
    var topics: [String] { get }
    var section: String? { get }
}

extension Article: FiledEntry {}

/// The fields of a JSON Lines entry that are decoded when an archive is indexed: everything but the body.
struct HeaderRecord: Decodable, FiledEntry {
    var id: String
    var url: String
    var title: String
    var authors: [String]
    var published: PublishedDate
    var language: String
    var regions: [String]
    var topics: [String]
    var section: String?

    enum CodingKeys: String, CodingKey { case id, url, title, authors, published, language, regions, topics, section, body }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        url = try c.decode(String.self, forKey: .url)
        title = try c.decode(String.self, forKey: .title)
        authors = try c.decode([String].self, forKey: .authors)
        published = try c.decode(PublishedDate.self, forKey: .published)
        language = try c.decode(String.self, forKey: .language)
        regions = try c.decodeIfPresent([String].self, forKey: .regions) ?? []
        topics = try c.decodeIfPresent([String].self, forKey: .topics) ?? []
        section = try c.decodeIfPresent(String.self, forKey: .section)
        // The body is checked for presence here; its blocks are decoded when the article is opened.
        guard c.contains(.body) else {
            throw DecodingError.keyNotFound(
                CodingKeys.body, .init(codingPath: decoder.codingPath, debugDescription: "missing body"))
        }
        try ArticleRules.check(id: id, title: title, language: language, codingPath: decoder.codingPath)
    }

    init(_ article: Article) {
        id = article.id
        url = article.url
        title = article.title
        authors = article.authors
        published = article.published
        language = article.language
        regions = article.regions
        topics = article.topics
        section = article.section
    }
}
