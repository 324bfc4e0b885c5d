import SteppeCore

/// What an import did: counts, and each skipped file, item or record with its reason.
public struct ImportReport: Sendable, Equatable, Encodable {
    public struct Skip: Sendable, Equatable, Encodable {
        public var path: String
        /// Where in the file; nil for the whole file.
        public var place: ImportPlace?
        public var problem: ImportProblem

        public init(path: String, place: ImportPlace? = nil, problem: ImportProblem) {
            self.path = path
            self.place = place
            self.problem = problem
        }

        enum CodingKeys: String, CodingKey { case path, place, code, reason }

        /// For scripts: a stable code, and the place and reason in English.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(path, forKey: .path)
            try c.encodeIfPresent(place.map(Strings.english.importPlace), forKey: .place)
            try c.encode(problem.code, forKey: .code)
            try c.encode(Strings.english.importProblem(problem), forKey: .reason)
        }
    }

    public struct Explanation: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
        public var source: String
        public var tags: TagExplanation
    }

    public var files = 0
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var skipped: [Skip] = []
    /// Articles in the archive after the import.
    public var archiveArticles = 0
    public var archive = ""
    public var explanations: [Explanation] = []
    /// Every article added, updated or unchanged, in input order.
    public var articles: [Entry] = []

    public struct Entry: Sendable, Equatable, Encodable {
        public var id: String
        public var title: String
        public var outcome: String
        public var source: String
    }

    public init() {}
}

/// How far an import has got, for a progress bar.
public struct ImportProgress: Sendable, Equatable {
    public var filesDone: Int
    public var filesTotal: Int
    public var articles: Int
    public var bytesDone: Int64
    public var bytesTotal: Int64
}
