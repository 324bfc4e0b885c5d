import Foundation
import Synchronization

/// An opened archive: the catalogue of headers that menus and lists are built from, and the reader of bodies.
///
/// The two halves go different ways: the catalogue is a value held in the view model's state, the bodies
/// reader belongs to the effect runner, which reads an article's text off the main thread when it is opened.
public struct Library: Sendable {
    public let catalogue: Catalogue
    public let bodies: ArchiveBodies

    public init(
        source: ArchiveSource, metadata: ArchiveMetadata, taxonomy: TaxonomyTable, headers: [ArticleHeader],
        issues: [ArchiveIssue], bodies: ArchiveBodies.Store, isSorted: Bool = false
    ) {
        catalogue = Catalogue(
            source: source, metadata: metadata, taxonomy: taxonomy, headers: headers, issues: issues, isSorted: isSorted)
        self.bodies = ArchiveBodies(source: source, store: bodies)
    }

    /// Reads and decodes one article's full text.
    public func article(id: String) throws(ArchiveError) -> Article {
        guard let position = catalogue.position(of: id) else {
            throw .invalid(path: catalogue.source.displayPath, place: "id '\(id)'", reason: "no such article")
        }
        return try bodies.article(catalogue.headers[position])
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

/// Every article's header, newest first, with each menu node's article list and an id → position map.
///
/// A value, but an immutable one built once per opened archive: copies share one storage, and two
/// catalogues are equal when they are the same opened archive. That keeps `AppState ==` cheap and exact.
public struct Catalogue: Sendable, Equatable {
    private final class Storage: Sendable {
        let source: ArchiveSource
        let metadata: ArchiveMetadata
        let taxonomy: TaxonomyTable
        let headers: [ArticleHeader]
        let issues: [ArchiveIssue]
        let nodeArticles: [[Int32]]
        let skippedCount: Int
        /// Built on first use: hashing 50,000 ids would add about 15 ms to every warm open, and the
        /// first frame (menus and lists) does not need it.
        private let positionMap = Mutex<[String: Int32]?>(nil)

        init(
            source: ArchiveSource, metadata: ArchiveMetadata, taxonomy: TaxonomyTable, headers: [ArticleHeader],
            issues: [ArchiveIssue], nodeArticles: [[Int32]]
        ) {
            self.source = source
            self.metadata = metadata
            self.taxonomy = taxonomy
            self.headers = headers
            self.issues = issues
            self.nodeArticles = nodeArticles
            skippedCount = issues.lazy.filter { $0.severity == .skipped }.count
        }

        func position(of id: String) -> Int32? {
            positionMap.withLock { map in
                if map == nil {
                    var positions: [String: Int32] = [:]
                    positions.reserveCapacity(headers.count)
                    for (i, header) in headers.enumerated() { positions[header.id] = Int32(i) }
                    map = positions
                }
                return map?[id]
            }
        }
    }

    private let storage: Storage

    public init(
        source: ArchiveSource, metadata: ArchiveMetadata, taxonomy: TaxonomyTable, headers: [ArticleHeader],
        issues: [ArchiveIssue], isSorted: Bool = false
    ) {
        let sorted = isSorted ? headers : headers.sorted(by: ArticleHeader.newestFirst)
        storage = Storage(
            source: source, metadata: metadata, taxonomy: taxonomy, headers: sorted, issues: issues,
            nodeArticles: Catalogue.buildNodeLists(sorted, taxonomy))
    }

    public static func == (a: Catalogue, b: Catalogue) -> Bool { a.storage === b.storage }

    public var source: ArchiveSource { storage.source }
    public var metadata: ArchiveMetadata { storage.metadata }
    public var taxonomy: TaxonomyTable { storage.taxonomy }
    /// Every article, newest first.
    public var headers: [ArticleHeader] { storage.headers }
    public var issues: [ArchiveIssue] { storage.issues }
    /// Entries left out of the archive; the status bar shows it on every frame, so it is counted once.
    public var skippedCount: Int { storage.skippedCount }

    /// The articles filed under a node (its subtree included), newest first, as positions in `headers`.
    public func articles(in node: Int) -> [Int32] {
        storage.nodeArticles.indices.contains(node) ? storage.nodeArticles[node] : []
    }

    public func count(in node: Int) -> Int { articles(in: node).count }

    /// Where the article with this id stands in `headers`.
    public func position(of id: String) -> Int? { storage.position(of: id).map(Int.init) }

    public func header(id: String) -> ArticleHeader? { position(of: id).map { storage.headers[$0] } }

    /// Builds the id → position map now, so that its first use does not pay for it. The effect runner
    /// calls this in the background right after an archive opens.
    public func prepareIdentityIndex() { _ = storage.position(of: "") }

    private static func buildNodeLists(_ headers: [ArticleHeader], _ taxonomy: TaxonomyTable) -> [[Int32]] {
        var lists = Array(repeating: [Int32](), count: taxonomy.count)
        var lastSeen = Array(repeating: Int32(-1), count: taxonomy.count)
        lists[taxonomy.allArticles] = Array(0..<Int32(headers.count))
        for (i, header) in headers.enumerated() {
            let article = Int32(i)
            for node in header.nodes where lists.indices.contains(Int(node)) {
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
}

/// Reads article bodies from an archive, one article at a time. Owned by whoever does I/O, never by the state.
public struct ArchiveBodies: Sendable {
    public enum Store: Sendable {
        /// Bodies stay in the JSON Lines files (main file, then segments) and are read by line span.
        case jsonLines(ArchiveFiles)
        /// Bodies of a single-file archive, kept since the whole file was decoded anyway.
        case inMemory([String: Article])
    }

    public let source: ArchiveSource
    public let store: Store

    public init(source: ArchiveSource, store: Store) {
        self.source = source
        self.store = store
    }

    public func article(_ header: ArticleHeader) throws(ArchiveError) -> Article {
        switch store {
        case .inMemory(let articles):
            guard let article = articles[header.id] else {
                throw .invalid(path: source.metadataURL.path, place: "id '\(header.id)'", reason: "article is missing")
            }
            return article
        case .jsonLines(let files):
            guard let span = header.span, files.urls.indices.contains(span.file) else {
                throw .invalid(path: source.displayPath, place: "id '\(header.id)'", reason: "article has no line")
            }
            let url = files.urls[span.file]
            let data = try files.read(span)
            let article: Article
            do {
                article = try JSONDecoder().decode(Article.self, from: data)
            } catch {
                // Bytes that no longer form a whole line mean the file was rewritten, not that it is broken.
                guard files.isWholeLine(span) else { throw .archiveChanged(path: url.path, line: span.line) }
                let failure = JSONLinesScanner.failure(for: error, in: data)
                throw .invalid(path: url.path, place: "line \(span.line)", reason: failure.message)
            }
            guard article.id == header.id else {
                throw .archiveChanged(path: url.path, line: span.line)
            }
            return article
        }
    }
}

/// The articles files of a folder archive, held open from the moment it is read: when an import later
/// folds them into a new file and deletes them, this reader still reads what it indexed until it reloads.
public final class ArchiveFiles: Sendable {
    public let urls: [URL]
    /// One per file; -1 when it could not be opened (reads then fall back to the path and say why).
    private let descriptors: [Int32]

    public init(_ urls: [URL]) {
        self.urls = urls
        descriptors = urls.map { (try? RegularFile.open($0)) ?? -1 }
    }

    deinit { for fd in descriptors where fd >= 0 { close(fd) } }

    func read(_ span: LineSpan) throws(ArchiveError) -> Data {
        let fd = descriptors[span.file]
        guard fd >= 0 else { return try JSONLinesScanner.read(span, from: urls[span.file]) }
        return try JSONLinesScanner.read(span, fd: fd, path: urls[span.file].path)
    }

    func isWholeLine(_ span: LineSpan) -> Bool {
        let fd = descriptors[span.file]
        guard fd >= 0 else { return JSONLinesScanner.isWholeLine(span, in: urls[span.file]) }
        return JSONLinesScanner.isWholeLine(span, fd: fd)
    }
}
