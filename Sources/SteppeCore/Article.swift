import Foundation

/// One article of the archive, body included.
public struct Article: Sendable, Equatable, Codable {
    public var id: String
    public var url: String
    public var title: String
    public var authors: [String]
    public var published: PublishedDate
    public var language: String
    public var regions: [String]
    public var topics: [String]
    /// A slug from the Sections facet (a blog, podcast or media strand), if the article belongs to one.
    public var section: String?
    public var summary: String?
    public var body: [Block]

    public init(
        id: String, url: String, title: String, authors: [String] = [], published: PublishedDate,
        language: String = "en", regions: [String] = [], topics: [String] = [], section: String? = nil,
        summary: String? = nil, body: [Block]
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.authors = authors
        self.published = published
        self.language = language
        self.regions = regions
        self.topics = topics
        self.section = section
        self.summary = summary
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case id, url, title, authors, published, language, regions, topics, section, summary, body
    }

    public init(from decoder: any Decoder) throws {
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
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        body = try c.decode([Block].self, forKey: .body)
        try ArticleRules.check(id: id, title: title, language: language, codingPath: decoder.codingPath)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(url, forKey: .url)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(published, forKey: .published)
        try c.encode(language, forKey: .language)
        try c.encode(regions, forKey: .regions)
        try c.encode(topics, forKey: .topics)
        try c.encodeIfPresent(section, forKey: .section)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encode(body, forKey: .body)
    }

    public var isEnglish: Bool { language.lowercased().hasPrefix("en") }
}

/// Checks the archive rules that JSON types alone cannot express.
enum ArticleRules {
    static func check(id: String, title: String, language: String, codingPath: [any CodingKey]) throws {
        if id.isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "'id' is empty"))
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw DecodingError.dataCorrupted(.init(codingPath: codingPath, debugDescription: "'title' is empty"))
        }
        if language.isEmpty {
            throw DecodingError.dataCorrupted(
                .init(codingPath: codingPath, debugDescription: "'language' is empty"))
        }
    }
}

/// A block of an article's body, in reading order.
public struct Block: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case paragraph
        case heading
        case quote
        case listItem = "list-item"
    }

    public var kind: Kind
    public var text: String
    /// A type this version does not know (from a newer writer): the block is shown as a paragraph,
    /// `validate` warns, and the type is written back unchanged.
    public var unknownType: String?

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case type, text }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let raw = try c.decode(String.self, forKey: .type)
        kind = Kind(rawValue: raw) ?? .paragraph
        unknownType = Kind(rawValue: raw) == nil ? raw : nil
        text = try c.decode(String.self, forKey: .text)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unknownType ?? kind.rawValue, forKey: .type)
        try c.encode(text, forKey: .text)
    }
}
