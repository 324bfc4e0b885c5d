import SteppeCore

/// What a format parser found in one page, feed item or record, before identity and tags are settled.
public struct ArticleDraft: Sendable, Equatable {
    public var title: String
    public var authors: [String] = []
    public var published: PublishedDate?
    public var url: String?
    /// The source's own id (a feed's guid or a record's id), used when no URL gives a slug.
    public var sourceID: String?
    public var summary: String?
    public var body: [Block] = []
    public var language: String?
    /// Regions, topics and sections the source names itself (slugs or names, English or Russian).
    public var tags: [String] = []
    /// Where in the source the draft came from, for reports: "item 3", "line 17".
    public var place: String?

    public init(title: String) { self.title = title }
}

