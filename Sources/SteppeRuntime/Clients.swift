import SteppeCore

/// The I/O the effect runner does on the program's behalf, as replaceable functions.
///
/// The live clients touch the disk; tests hand the runner their own, to hold work back, fail it, or
/// count it. Later clients (the user's store, the search index, the importer) join here.
public struct Clients: Sendable {
    public typealias Progress = @Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void

    /// Opens an archive, indexing it on first sight, and reports progress while it scans.
    public var openArchive: @Sendable (_ path: String, _ progress: @escaping Progress) throws(ArchiveError) -> Library
    /// Reads one article's text.
    public var loadArticle: @Sendable (_ bodies: ArchiveBodies, _ header: ArticleHeader) throws(ArchiveError) -> Article

    public init(
        openArchive: @escaping @Sendable (String, @escaping Progress) throws(ArchiveError) -> Library,
        loadArticle: @escaping @Sendable (ArchiveBodies, ArticleHeader) throws(ArchiveError) -> Article = {
            bodies, header throws(ArchiveError) in try bodies.article(header)
        }
    ) {
        self.openArchive = openArchive
        self.loadArticle = loadArticle
    }

    /// The clients of the real program: archives from disk, indexed into `cache`.
    public static func live(cache: HeaderCache) -> Clients {
        Clients(openArchive: { path, progress throws(ArchiveError) in
            let prepared = try ArchiveReader.prepare(path)
            if let library = ArchiveReader.loadIndexed(prepared, cache: cache) { return library }
            return try ArchiveReader.load(prepared, cache: cache) { done, total in progress(done, total) }
        })
    }
}
