import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Adds articles to a folder archive in one atomic step, without rewriting what it already holds.
///
/// New and changed articles are streamed into a fresh segment file while they arrive. `commit` syncs
/// it, gives it its final name, then replaces `archive.json` (which lists the segments) with one
/// rename: that rename is the whole update. Until it happens readers see the previous archive; after
/// it, the new one; a crash in between leaves an unlisted segment that the next update deletes.
/// When segments pile up they are folded into one new main file, the same way.
///
/// One update at a time per archive: a lock file beside `archive.json`, released by the kernel
/// even when the process is killed.
public final class ArchiveUpdate {
    public enum Outcome: String, Sendable, Equatable {
        case added
        case updated
        case unchanged
        /// The same id came earlier in this update; the first one is kept.
        case repeated
    }

    public struct Summary: Sendable, Equatable {
        public var articleCount: Int
        /// Whether anything was written (an update that changes nothing leaves the archive alone).
        public var isCommitted: Bool
        /// Whether the segments were folded into a new main file.
        public var isCompacted: Bool
    }

    /// Segments allowed before they are folded into a new main file.
    public static let segmentLimit = 16

    public let directory: URL
    private var existing: Library?
    public var metadataURL: URL { directory.appendingPathComponent(ArchiveSource.metadataFileName) }
    private let cache: HeaderCache?
    private let lockDescriptor: Int32
    private var metadata: ArchiveMetadata
    private var baseFiles: [URL]
    private var headers: [ArticleHeader]
    /// Positions in `headers` by id, and the ids this update has seen.
    private var positions: [String: Int] = [:]
    private var written: Set<String> = []
    private var segment: SegmentFile?
    private var isFinished = false
    /// The folders this update made (the archive's and any missing parents, deepest first), taken away
    /// again when nothing was written.
    private let madeFolders: [URL]
    /// New files of an existing archive get the permissions of its `archive.json`, so a private archive
    /// stays private; a new archive's files follow the umask.
    private var fileMode: mode_t?

    /// The highest generation accepted; segment names have room for it.
    public static let generationLimit = 999_999_999

    /// Opens the archive in `directory` for an update, or prepares to create one there when the folder
    /// is missing or empty. `title` names a new archive.
    public init(directory: URL, newArchiveTitle title: String, cache: HeaderCache? = nil) throws(ArchiveError) {
        self.directory = directory.standardizedFileURL
        self.cache = cache
        let folder = self.directory
        var missing: [URL] = []
        var ancestor = folder
        while !FileManager.default.fileExists(atPath: ancestor.path), ancestor.path != "/" {
            missing.append(ancestor)
            ancestor = ancestor.deletingLastPathComponent()
        }
        madeFolders = missing
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .unwritable(path: folder.path, reason: "cannot create the archive's folder: \(ArchiveUpdate.reason(error))")
        }
        // Refused before the lock file is made, so that a wrong folder is left exactly as it was.
        try ArchiveUpdate.checkIsArchiveOrEmpty(folder)
        lockDescriptor = try ArchiveUpdate.lock(folder)
        do {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveSource.metadataFileName).path) {
                let prepared = try ArchiveReader.prepare(folder.path)
                guard case .directory(let files) = prepared.source.layout else {
                    throw ArchiveError.invalid(path: folder.path, place: "top level", reason: "not a folder archive")
                }
                if let generation = prepared.metadata.generation, !(0...ArchiveUpdate.generationLimit).contains(generation) {
                    throw ArchiveError.invalid(
                        path: prepared.source.metadataURL.path, place: "generation",
                        reason: "must be a whole number from 0 to \(ArchiveUpdate.generationLimit)")
                }
                var info = stat()
                if stat(prepared.source.metadataURL.path, &info) == 0 { fileMode = info.st_mode & 0o666 }
                let library = try ArchiveReader.load(prepared, cache: cache)
                existing = library
                metadata = prepared.metadata
                baseFiles = files
                headers = library.catalogue.headers
                for (i, header) in headers.enumerated() { positions[header.id] = i }
            } else {
                try ArchiveUpdate.checkIsArchiveOrEmpty(folder)
                metadata = ArchiveMetadata(title: title, generation: 0)
                baseFiles = []
                headers = []
            }
            try removeLeftovers()
        } catch let error as ArchiveError {
            close(lockDescriptor)
            throw error
        } catch {
            close(lockDescriptor)
            throw .unreadable(path: folder.path, reason: ArchiveUpdate.reason(error))
        }
    }

    deinit {
        if !isFinished, let segment { segment.discard() }
        // An update that created nothing leaves no trace: no lock file, and no folder it made itself.
        if !FileManager.default.fileExists(atPath: metadataURL.path) {
            unlink(directory.appendingPathComponent(ArchiveUpdate.lockName).path)
            for folder in madeFolders { rmdir(folder.path) }
        }
        close(lockDescriptor)
    }

    /// Adds one article. `line` is its JSON encoding on one line (workers encode in parallel);
    /// `nodes` are its taxonomy nodes in this archive's table. Returns what happened and the id the
    /// article has in the archive.
    ///
    /// An article whose id is new but whose title and day match an article without a URL (or which
    /// has none itself) is the same story seen twice, say a page saved as text and later with its
    /// link: it takes the earlier id, so it updates that article instead of doubling it, and notes on
    /// it stay attached.
    @discardableResult
    public func add(_ article: Article, line: Data, nodes: [Int32]) throws(ArchiveError) -> (outcome: Outcome, id: String) {
        var article = article
        var line = line
        if positions[article.id] == nil, let earlier = sameStory(as: article), earlier != article.id {
            article.id = earlier
            line = Data(ArticleLine.encode(article))
        }
        if written.contains(article.id) { return (.repeated, article.id) }
        let previous = positions[article.id]
        if let previous, previous < headers.count, let span = headers[previous].span, span.file < baseFiles.count {
            let old = try? readLine(span)
            if old == line || old.flatMap({ try? JSONDecoder().decode(Article.self, from: $0) }) == article {
                written.insert(article.id)
                return (.unchanged, article.id)
            }
        }
        if segment == nil { segment = try SegmentFile(in: directory, mode: fileMode) }
        let span = try segment!.append(line, file: baseFiles.count)
        let header = ArticleHeader(
            id: article.id, url: article.url, title: article.title, authors: article.authors, published: article.published,
            language: article.language, nodes: nodes, span: span)
        written.insert(article.id)
        if let previous {
            headers[previous] = header
            return (.updated, article.id)
        }
        positions[article.id] = headers.count
        stories?[ArchiveUpdate.storyKey(header.title, header.published)] = headers.count
        headers.append(header)
        return (.added, article.id)
    }

    /// Positions by title and day, built on the first article whose id is new.
    private var stories: [UInt64: Int]?

    private func sameStory(as article: Article) -> String? {
        if stories == nil {
            var map: [UInt64: Int] = [:]
            map.reserveCapacity(headers.count)
            for (i, header) in headers.enumerated() { map[ArchiveUpdate.storyKey(header.title, header.published)] = i }
            stories = map
        }
        guard let position = stories?[ArchiveUpdate.storyKey(article.title, article.published)] else { return nil }
        let earlier = headers[position]
        // A hash can collide: the titles and days must match as well.
        guard ArchiveUpdate.sameTitle(earlier.title, article.title),
            ArchiveUpdate.day(earlier.published) == ArchiveUpdate.day(article.published)
        else { return nil }
        return earlier.url.isEmpty || article.url.isEmpty ? earlier.id : nil
    }

    /// A hash of the title (ASCII letters in lower case, runs of spaces as one) and the day it was
    /// published: cheap enough to build for 50,000 headers on the way to adding ten.
    static func storyKey(_ title: String, _ published: PublishedDate) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(normalizedTitle(title))
        return hasher.value ^ UInt64(bitPattern: day(published)) &* 0x9E37_79B9_7F4A_7C15
    }

    static func normalizedTitle(_ title: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for byte in title.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return bytes
    }

    static func sameTitle(_ a: String, _ b: String) -> Bool { normalizedTitle(a) == normalizedTitle(b) }

    /// The day in the offset it was published in.
    static func day(_ date: PublishedDate) -> Int64 {
        (date.secondsSince1970 + Int64(date.offsetMinutes) * 60).floorDivided(by: 86_400)
    }

    /// An indexed line, through the files the archive was opened with (held open, not reopened per
    /// article: a re-import compares every article it sees).
    private func readLine(_ span: LineSpan) throws(ArchiveError) -> Data {
        if case .jsonLines(let files)? = existing?.bodies.store, files.urls.indices.contains(span.file) {
            return try files.read(span)
        }
        return try JSONLinesScanner.read(span, from: baseFiles[span.file])
    }

    /// The taxonomy articles are filed under: the archive's own, or Eurasianet's for a new archive.
    public var taxonomy: TaxonomyTable {
        existing?.catalogue.taxonomy ?? TaxonomyTable(metadata.taxonomy ?? .eurasianet)
    }

    /// Makes the update visible in one rename, then folds segments when there are too many.
    public func commit() throws(ArchiveError) -> Summary {
        isFinished = true
        guard let segment else {
            return Summary(articleCount: headers.count, isCommitted: false, isCompacted: false)
        }
        let (generation, name) = try nextSegmentName()
        try segment.finish(as: directory.appendingPathComponent(name))
        var next = metadata
        next.generation = generation
        if baseFiles.isEmpty {
            next.articlesFile = name
        } else {
            next.segments = (metadata.segments ?? []) + [name]
        }
        try writeMetadata(next)
        metadata = next
        baseFiles.append(directory.appendingPathComponent(name))
        storeCache()
        var compacted = false
        if (metadata.segments?.count ?? 0) > ArchiveUpdate.segmentLimit,
            (existing?.catalogue.skippedCount ?? 0) == 0
        {
            try compact()
            compacted = true
        }
        return Summary(articleCount: headers.count, isCommitted: true, isCompacted: compacted)
    }

    /// Copies every current line, byte for byte, into one new main file and commits it alone.
    /// Skipped when the archive holds entries that do not read: copying only what reads would drop them.
    func compact() throws(ArchiveError) {
        let (generation, name) = try nextSegmentName()
        let file = try SegmentFile(in: directory, mode: fileMode)
        var moved = headers
        for (i, header) in headers.enumerated() {
            guard let span = header.span, span.file < baseFiles.count else { continue }
            let line: Data
            do {
                line = try readLine(span)
            } catch {
                file.discard()
                throw error
            }
            moved[i].span = try file.append(line, file: 0)
        }
        try file.finish(as: directory.appendingPathComponent(name))
        var next = metadata
        next.generation = generation
        next.articlesFile = name
        next.segments = nil
        let old = baseFiles
        try writeMetadata(next)
        metadata = next
        baseFiles = [directory.appendingPathComponent(name)]
        headers = moved
        storeCache()
        for url in old where ArchiveUpdate.isOwnFile(url.lastPathComponent) { unlink(url.path) }
    }

    /// A fresh index for the reader's next open, built from what this update knows.
    private func storeCache() {
        guard let cache else { return }
        let source = ArchiveSource(metadataURL: metadataURL, layout: .directory(files: baseFiles))
        let catalogue = Catalogue(
            source: source, metadata: metadata, taxonomy: taxonomy, headers: headers,
            issues: existing?.catalogue.issues ?? [])
        cache.store(catalogue.headers, issues: catalogue.issues, for: source)
    }

    private func writeMetadata(_ metadata: ArchiveMetadata) throws(ArchiveError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(metadata) + Data("\n".utf8)
        } catch {
            throw .unwritable(path: metadataURL.path, reason: ArchiveUpdate.reason(error))
        }
        let file = try SegmentFile(in: directory, mode: fileMode)
        _ = try file.append(data, file: 0)
        try file.finish(as: metadataURL, replacing: true)
    }

    /// Deletes the temporary files of updates that were killed. Runs under the lock, so no other
    /// update is writing them. Segment files are never deleted here, listed or not: a file that looks
    /// like one may be the reader's own copy, or a newer segment behind a restored `archive.json`.
    private func removeLeftovers() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path)
        where name.hasPrefix(".steppe-update-") && name.hasSuffix(".tmp") {
            unlink(directory.appendingPathComponent(name).path)
        }
    }

    /// The next generation and a segment name no file has yet: a killed update may have left one.
    private func nextSegmentName() throws(ArchiveError) -> (Int, String) {
        var generation = (metadata.generation ?? 0) + 1
        while generation <= ArchiveUpdate.generationLimit {
            let name = String(format: "articles-g%06d.jsonl", generation)
            if !FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path) { return (generation, name) }
            generation += 1
        }
        throw .unwritable(path: directory.path, reason: "no free segment name below generation \(ArchiveUpdate.generationLimit)")
    }

    static let lockName = ".steppe-update.lock"

    private static func checkIsArchiveOrEmpty(_ folder: URL) throws(ArchiveError) {
        guard !FileManager.default.fileExists(atPath: folder.appendingPathComponent(ArchiveSource.metadataFileName).path)
        else { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard contents.allSatisfy({ $0 == lockName || isOwnFile($0) }) else {
            throw .invalid(
                path: folder.path, place: "folder",
                reason: "holds no archive.json and is not empty; name an archive or an empty folder")
        }
    }

    /// Names only this type creates: `articles-g000001.jsonl` and `.steppe-update-….tmp`.
    static func isOwnFile(_ name: String) -> Bool {
        if name.hasPrefix(".steppe-update-") && name.hasSuffix(".tmp") { return true }
        guard name.hasPrefix("articles-g"), name.hasSuffix(".jsonl") else { return false }
        let digits = name.dropFirst("articles-g".count).dropLast(".jsonl".count)
        return !digits.isEmpty && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
    }

    private static func lock(_ folder: URL) throws(ArchiveError) -> Int32 {
        let path = folder.appendingPathComponent(lockName).path
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else {
            throw .unwritable(path: path, reason: "cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        // A lock just released can still be held for a moment by a process being started elsewhere in
        // this one (it shares the open file until it execs): wait a little before saying it is busy.
        for attempt in 0..<50 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return fd }
            if attempt < 49 { usleep(20_000) }
        }
        close(fd)
        throw .unwritable(path: folder.path, reason: "another import into this archive is running")
    }

    static func reason(_ error: any Error) -> String {
        let error = error as NSError
        return error.localizedFailureReason ?? error.localizedDescription
    }
}

/// A file written under a temporary name, synced, then given its final name in one step.
final class SegmentFile {
    let temporary: URL
    let directory: URL
    private let fd: Int32
    private var size: Int64 = 0
    private var lines = 0
    private var buffer = Data()
    private var isClosed = false

    /// `mode` nil: as the umask allows.
    init(in directory: URL, mode: mode_t? = nil) throws(ArchiveError) {
        self.directory = directory
        temporary = directory.appendingPathComponent(".steppe-update-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode ?? 0o666)
        guard fd >= 0 else {
            throw .unwritable(path: directory.path, reason: "cannot create a file: \(String(cString: strerror(errno)))")
        }
        // The process umask must not widen or narrow what an existing archive already allows.
        if let mode { fchmod(fd, mode) }
    }

    deinit { if !isClosed { close(fd) } }

    /// Appends one line, which holds no line break (JSON encoders escape them), and says where it lies.
    func append(_ line: Data, file: Int) throws(ArchiveError) -> LineSpan {
        lines += 1
        let span = LineSpan(line: lines, offset: size, length: line.count, file: file)
        buffer.append(line)
        buffer.append(0x0A)
        size += Int64(line.count) + 1
        if buffer.count >= 1 << 20 { try flush() }
        return span
    }

    private func flush() throws(ArchiveError) {
        let count = buffer.count
        let written = buffer.withUnsafeBytes { raw -> Int in
            var done = 0
            while done < count {
                let n = write(fd, raw.baseAddress! + done, count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    return -1
                }
                done += n
            }
            return done
        }
        guard written == count else {
            throw .unwritable(path: temporary.path, reason: String(cString: strerror(errno)))
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Syncs the data, gives the file its final name (never over an existing file unless `replacing`),
    /// and syncs the folder so that the name survives a power cut.
    func finish(as target: URL, replacing: Bool = false) throws(ArchiveError) {
        do throws(ArchiveError) {
            try flush()
            guard fsync(fd) == 0 else {
                throw ArchiveError.unwritable(path: temporary.path, reason: "cannot sync: \(String(cString: strerror(errno)))")
            }
        } catch {
            discard()
            throw error
        }
        close(fd)
        isClosed = true
        let moved = replacing ? rename(temporary.path, target.path) : link(temporary.path, target.path)
        let failure = errno
        if !replacing { unlink(temporary.path) }
        guard moved == 0 else {
            unlink(temporary.path)
            throw .unwritable(path: target.path, reason: String(cString: strerror(failure)))
        }
        let folder = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    func discard() {
        if !isClosed {
            close(fd)
            isClosed = true
        }
        unlink(temporary.path)
    }
}
