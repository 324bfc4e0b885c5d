import Foundation

/// An opened archive: headers in memory, newest first, with each menu node's article list; bodies on demand.
///
/// Immutable once built, so it is shared freely between the view model, the renderer and background work.
public final class Library: Sendable {
    public enum BodyStore: Sendable {
        /// Bodies stay in the JSON Lines file and are read by line span.
        case jsonLines(URL)
        /// Bodies of a single-file archive, kept since the whole file was decoded anyway.
        case inMemory([String: Article])
    }

    public let source: ArchiveSource
    public let metadata: ArchiveMetadata
    public let taxonomy: TaxonomyTable
    /// Every article, newest first.
    public let headers: [ArticleHeader]
    public let issues: [ArchiveIssue]
    /// Per taxonomy node, indices into `headers`, newest first. A group holds the distinct articles of its subtree.
    private let nodeArticles: [[Int32]]
    private let bodies: BodyStore

    public init(
        source: ArchiveSource, metadata: ArchiveMetadata, taxonomy: TaxonomyTable, headers: [ArticleHeader],
        issues: [ArchiveIssue], bodies: BodyStore, isSorted: Bool = false
    ) {
        self.source = source
        self.metadata = metadata
        self.taxonomy = taxonomy
        let sorted = isSorted ? headers : headers.sorted(by: ArticleHeader.newestFirst)
        self.headers = sorted
        self.issues = issues
        self.skippedCount = issues.lazy.filter { $0.severity == .skipped }.count
        self.bodies = bodies
        self.nodeArticles = Library.buildNodeLists(sorted, taxonomy)
    }

    private static func buildNodeLists(_ headers: [ArticleHeader], _ taxonomy: TaxonomyTable) -> [[Int32]] {
        var lists = Array(repeating: [Int32](), count: taxonomy.count)
        var lastSeen = Array(repeating: Int32(-1), count: taxonomy.count)
        lists[taxonomy.allArticles] = Array(0..<Int32(headers.count))
        for (i, header) in headers.enumerated() {
            let article = Int32(i)
            for node in header.nodes {
                var current: Int? = Int(node)
                while let n = current, lastSeen[n] != article {
                    lastSeen[n] = article
                    lists[n].append(article)
                    current = taxonomy[n].parent
                }
            }
        }
        return lists
    }

    /// The articles filed under a node (its subtree included), newest first, as indices into `headers`.
    public func articles(in node: Int) -> [Int32] { nodeArticles[node] }

    public func count(in node: Int) -> Int { nodeArticles[node].count }

    /// Entries left out of the archive; the status bar shows it on every frame, so it is counted once.
    public let skippedCount: Int

    /// Reads and decodes one article's full text.
    public func article(at index: Int) throws(ArchiveError) -> Article {
        let header = headers[index]
        switch bodies {
        case .inMemory(let articles):
            guard let article = articles[header.id] else {
                throw .invalid(path: source.metadataURL.path, place: "id '\(header.id)'", reason: "article is missing")
            }
            return article
        case .jsonLines(let url):
            guard let span = header.span else {
                throw .invalid(path: url.path, place: "id '\(header.id)'", reason: "article has no line")
            }
            let data = try JSONLinesScanner.read(span, from: url)
            let article: Article
            do {
                article = try JSONDecoder().decode(Article.self, from: data)
            } catch {
                let failure = JSONLinesScanner.failure(for: error, in: data)
                throw .invalid(path: url.path, place: "line \(span.line)", reason: failure.message)
            }
            guard article.id == header.id else {
                throw .invalid(
                    path: url.path, place: "line \(span.line)",
                    reason: "expected id '\(header.id)' but found '\(article.id)'; the archive changed on disk")
            }
            return article
        }
    }

    /// The node numbers an article's slugs name; unknown slugs are reported as warnings.
    static func resolveNodes(
        regions: [String], topics: [String], section: String?, in taxonomy: TaxonomyTable,
        report: (String) -> Void
    ) -> [Int32] {
        var nodes: [Int32] = []
        func add(_ slug: String, _ facet: Facet, _ field: String) {
            if let index = taxonomy.index(of: slug, in: facet) {
                if !nodes.contains(Int32(index)) { nodes.append(Int32(index)) }
            } else {
                report("\(field): unknown slug '\(slug)'")
            }
        }
        for slug in regions { add(slug, .regions, "regions") }
        for slug in topics { add(slug, .topics, "topics") }
        if let section { add(section, .sections, "section") }
        return nodes
    }
}
