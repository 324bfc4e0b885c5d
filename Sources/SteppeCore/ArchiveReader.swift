import Foundation

/// An archive whose metadata has been read and checked, ready to be indexed.
public struct PreparedArchive: Sendable {
    public var source: ArchiveSource
    public var metadata: ArchiveMetadata
    public var taxonomy: TaxonomyTable
}

/// Opens archives of format v1, in two steps: `prepare` reads the metadata (fast, and every fatal
/// problem shows up here), `load` indexes the articles (slow on a new large archive, so it reports progress).
public enum ArchiveReader {
    public typealias Progress = JSONLinesScanner.Progress

    public static func open(
        _ path: String, cache: HeaderCache? = nil, progress: Progress? = nil
    ) throws(ArchiveError) -> Library {
        try load(try prepare(path), cache: cache, progress: progress)
    }

    public static func prepare(_ path: String) throws(ArchiveError) -> PreparedArchive {
        let metadataURL = try ArchiveSource.locate(path)
        let data = try readFile(metadataURL)
        try checkVersion(data, path: metadataURL.path)
        let metadata = try decodeDocument(ArchiveMetadata.self, from: data, path: metadataURL.path)
        // A document that carries its own `articles` array is a single-file archive.
        let isDirectory = !(try decodeDocument(ArticlesKeyProbe.self, from: data, path: metadataURL.path).hasArticles)
        if isDirectory && metadataURL.lastPathComponent != ArchiveSource.metadataFileName {
            throw .invalid(
                path: metadataURL.path, place: "top level",
                reason: "a single-file archive needs an 'articles' array (a folder archive keeps them in a JSON Lines file beside archive.json)")
        }
        let layout: ArchiveSource.Layout
        if isDirectory {
            layout = .directory(files: try articleFiles(metadata, beside: metadataURL))
        } else {
            layout = .singleFile
        }
        let taxonomy = TaxonomyTable(metadata.taxonomy ?? .eurasianet)
        return PreparedArchive(
            source: ArchiveSource(metadataURL: metadataURL, layout: layout), metadata: metadata, taxonomy: taxonomy)
    }

    /// The main articles file, then each segment, each checked to be a regular file that exists.
    private static func articleFiles(_ metadata: ArchiveMetadata, beside metadataURL: URL) throws(ArchiveError) -> [URL] {
        let folder = metadataURL.deletingLastPathComponent()
        let main = metadata.articlesFile ?? ArchiveSource.defaultArticlesFileName
        guard ArchiveMetadata.isConfinedArticlesPath(main) else {
            throw .invalid(
                path: metadataURL.path, place: "articlesFile",
                reason: "must be a path inside the archive's folder (relative, without '..')")
        }
        var files = [folder.appendingPathComponent(main)]
        for (index, name) in (metadata.segments ?? []).enumerated() {
            guard ArchiveMetadata.isPlainSegmentName(name) else {
                throw .invalid(
                    path: metadataURL.path, place: "segments[\(index)]",
                    reason: "a segment must be a plain file name in the archive's folder")
            }
            files.append(folder.appendingPathComponent(name))
        }
        for file in files {
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .unreadable(path: file.path, reason: "an articles file named by archive.json is missing")
            }
            try RegularFile.check(file)
        }
        return files
    }

    /// The library straight from a fresh index, or nil when the archive must be scanned first.
    /// Fast enough (milliseconds) to run before the first frame.
    public static func loadIndexed(_ prepared: PreparedArchive, cache: HeaderCache) -> Library? {
        guard case .directory(let files) = prepared.source.layout, let cached = cache.load(for: prepared.source, nodeCount: prepared.taxonomy.count)
        else { return nil }
        return Library(
            source: prepared.source, metadata: prepared.metadata, taxonomy: prepared.taxonomy,
            headers: cached.headers, issues: cached.issues, bodies: .jsonLines(ArchiveFiles(files)), isSorted: true)
    }

    public static func load(
        _ prepared: PreparedArchive, cache: HeaderCache? = nil, progress: Progress? = nil
    ) throws(ArchiveError) -> Library {
        switch prepared.source.layout {
        case .singleFile:
            return try loadSingleFile(prepared)
        case .directory(let files):
            if let cache, let library = loadIndexed(prepared, cache: cache) { return library }
            let (headers, issues) = try scanHeaders(files, taxonomy: prepared.taxonomy, progress: progress)
            let library = Library(
                source: prepared.source, metadata: prepared.metadata, taxonomy: prepared.taxonomy, headers: headers,
                issues: issues, bodies: .jsonLines(ArchiveFiles(files)))
            cache?.store(library.catalogue.headers, issues: library.catalogue.issues, for: prepared.source)
            return library
        }
    }

    /// Indexes a folder archive's files in order. Within one file the first of two entries with the
    /// same id wins (a mistake, reported); a later file's entry replaces an earlier file's (an update).
    static func scanHeaders(
        _ files: [URL], taxonomy: TaxonomyTable, progress: Progress? = nil
    ) throws(ArchiveError) -> (headers: [ArticleHeader], issues: [ArchiveIssue]) {
        var headers: [ArticleHeader] = []
        var issues: [ArchiveIssue] = []
        var positions: [String: Int] = [:]
        for (fileIndex, url) in files.enumerated() {
            let lines = try JSONLinesScanner.scan(url, as: HeaderRecord.self, progress: fileIndex == 0 ? progress : nil)
            if fileIndex == 0 { headers.reserveCapacity(lines.count) }
            issues += admitEntries(lines, path: url.path, taxonomy: taxonomy) { record, span, nodes, _ in
                var span = span
                span.file = fileIndex
                let header = ArticleHeader(
                    id: record.id, url: record.url, title: record.title, authors: record.authors, published: record.published,
                    language: record.language, nodes: nodes, span: span)
                // Only later files can repeat an id here: admitEntries drops repeats within a file.
                if fileIndex > 0, let earlier = positions[record.id] {
                    headers[earlier] = header
                } else {
                    if files.count > 1 { positions[record.id] = headers.count }
                    headers.append(header)
                }
            }
        }
        return (headers, issues)
    }

    /// The rules every JSON Lines entry passes, shared by indexing and `steppe validate`: a line that
    /// failed to decode is skipped, a repeated id is skipped (the first wins), unknown slugs are warnings.
    /// `accept` receives each admitted entry with its resolved taxonomy nodes, and may add issues.
    /// Inlined: as an out-of-line call (with the capturing closure) it made a 50,000-article cold open
    /// about 20% slower in steppe-bench.
    @inline(__always)
    static func admitEntries<Record: FiledEntry>(
        _ lines: [ScannedLine<Record>], path: String, taxonomy: TaxonomyTable,
        accept: (Record, LineSpan, [Int32], inout [ArchiveIssue]) -> Void
    ) -> [ArchiveIssue] {
        var issues: [ArchiveIssue] = []
        var firstLine: [String: Int] = [:]
        firstLine.reserveCapacity(lines.count)
        for scanned in lines {
            let line = scanned.span.line
            switch scanned.result {
            case .failure(let failure):
                issues.append(ArchiveIssue(path: path, line: line, column: failure.column, message: failure.message))
            case .success(let record):
                if let first = firstLine[record.id] {
                    issues.append(
                        ArchiveIssue(
                            path: path, line: line, articleID: record.id, message: "duplicate id (first on line \(first))"))
                    continue
                }
                firstLine[record.id] = line
                let nodes = Library.resolveNodes(
                    regions: record.regions, topics: record.topics, section: record.section, in: taxonomy
                ) { message in
                    issues.append(
                        ArchiveIssue(path: path, line: line, articleID: record.id, message: message, severity: .warning))
                }
                accept(record, scanned.span, nodes, &issues)
            }
        }
        return issues
    }

    private static func loadSingleFile(_ prepared: PreparedArchive) throws(ArchiveError) -> Library {
        let path = prepared.source.metadataURL.path
        let document = try decodeDocument(
            SingleFileArticles.self, from: try readFile(prepared.source.metadataURL), path: path)
        var issues: [ArchiveIssue] = []
        var headers: [ArticleHeader] = []
        var articles: [String: Article] = [:]
        var firstIndex: [String: Int] = [:]
        for (index, entry) in (document.articles ?? []).enumerated() {
            let place = "articles[\(index)]"
            switch entry.result {
            case .failure(let failure):
                issues.append(ArchiveIssue(path: path, place: place, articleID: entry.id, message: failure.message))
            case .success(let article):
                if let first = firstIndex[article.id] {
                    issues.append(
                        ArchiveIssue(
                            path: path, place: place, articleID: article.id,
                            message: "duplicate id (first at articles[\(first)])"))
                    continue
                }
                firstIndex[article.id] = index
                let nodes = Library.resolveNodes(
                    regions: article.regions, topics: article.topics, section: article.section, in: prepared.taxonomy
                ) { message in
                    issues.append(
                        ArchiveIssue(path: path, place: place, articleID: article.id, message: message, severity: .warning))
                }
                articles[article.id] = article
                headers.append(
                    ArticleHeader(
                        id: article.id, url: article.url, title: article.title, authors: article.authors, published: article.published,
                        language: article.language, nodes: nodes, span: nil))
            }
        }
        return Library(
            source: prepared.source, metadata: prepared.metadata, taxonomy: prepared.taxonomy, headers: headers,
            issues: issues, bodies: .inMemory(articles))
    }

    static func readFile(_ url: URL) throws(ArchiveError) -> Data {
        let fd = try RegularFile.open(url)
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw .unreadable(path: url.path, reason: reason)
        }
    }

    private struct VersionProbe: Decodable { var formatVersion: Int? }

    private struct ArticlesKeyProbe: Decodable {
        var hasArticles: Bool
        private enum Keys: String, CodingKey { case articles }
        init(from decoder: any Decoder) throws {
            hasArticles = try decoder.container(keyedBy: Keys.self).contains(.articles)
        }
    }

    private static func checkVersion(_ data: Data, path: String) throws(ArchiveError) {
        let probe = try decodeDocument(VersionProbe.self, from: data, path: path)
        guard let version = probe.formatVersion else {
            throw .invalid(path: path, place: "top level", reason: "missing field 'formatVersion'")
        }
        guard version == ArchiveMetadata.supportedFormatVersion else {
            throw .unsupportedFormatVersion(path: path, found: version, supported: ArchiveMetadata.supportedFormatVersion)
        }
    }

    /// Decodes a whole JSON document, turning failures into errors that name the line and column or the field.
    static func decodeDocument<T: Decodable>(_ type: T.Type, from data: Data, path: String) throws(ArchiveError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            if DecodingErrorMessage.isSyntaxError(error), let location = JSONSyntaxLocator.locate(in: data) {
                throw .malformedJSON(path: path, line: location.line, column: location.column, reason: location.reason)
            }
            throw .invalid(path: path, place: "archive metadata", reason: DecodingErrorMessage.describe(error))
        }
    }
}

/// The `articles` array of a single-file archive, each entry decoded on its own so one bad entry costs only itself.
struct SingleFileArticles: Decodable {
    var articles: [LenientArticle]?
}

struct LenientArticle: Decodable {
    var result: Result<Article, LineFailure>
    var id: String?

    private enum IDKey: String, CodingKey { case id }

    init(from decoder: any Decoder) throws {
        id = try? decoder.container(keyedBy: IDKey.self).decode(String.self, forKey: .id)
        do {
            result = .success(try Article(from: decoder))
        } catch {
            result = .failure(
                LineFailure(message: DecodingErrorMessage.describe(error, dropping: decoder.codingPath.count), column: nil))
        }
    }
}
