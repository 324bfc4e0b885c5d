import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A derived, disposable index of a folder archive's headers, so that a second open skips decoding JSON.
///
/// One binary file per archive under the cache folder, tagged with the size, modification time and inode
/// of the archive's files: any change to them makes the cache stale and it is rebuilt. Deleting it is always safe.
public struct HeaderCache: Sendable {
    public let directory: URL
    static let magic: [UInt8] = Array("STEPPEIX".utf8)
    static let version: UInt32 = 3

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CACHE_HOME/steppe`, or `~/.cache/steppe`.
    public static func standard(_ directories: XDGDirectories = XDGDirectories()) -> HeaderCache {
        HeaderCache(directory: directories.steppeCache)
    }

    public func fileURL(for source: ArchiveSource) -> URL {
        directory.appendingPathComponent("index-\(String(FNV1a.hash(source.metadataURL.path), radix: 16)).bin")
    }

    public struct Contents: Sendable {
        public var headers: [ArticleHeader]
        public var issues: [ArchiveIssue]
    }

    /// The cached headers, or nil when there is no cache, it no longer matches the archive, or it fails
    /// any check. A cache is a file any disk can damage: its size is checked before it is read, a
    /// checksum over everything after the header must match, and every count, node and byte range is
    /// bounded by what exists, so a damaged cache is rebuilt, never served and never a crash.
    /// `nodeCount` is the size of the archive's taxonomy table: every node number must fall inside it.
    public func load(for source: ArchiveSource, nodeCount: Int) -> Contents? {
        guard case .directory = source.layout, let stamp = Stamp(source) else { return nil }
        // Headers are smaller than the articles they describe; anything far larger is not our cache.
        let limit = Int64(HeaderCache.preambleSize) + 2 * stamp.totalArticlesSize + (1 << 20)
        guard let data = RegularFile.read(fileURL(for: source), limit: limit) else { return nil }
        return data.withUnsafeBytes { raw -> Contents? in
            var reader = ByteReader(raw)
            guard reader.bytes(HeaderCache.magic.count) == HeaderCache.magic, reader.u32() == HeaderCache.version,
                let length = reader.i64(), let checksum = reader.i64(),
                length == Int64(raw.count - HeaderCache.preambleSize),
                HeaderCache.checksum(UnsafeRawBufferPointer(rebasing: raw[HeaderCache.preambleSize...])) == checksum
            else { return nil }
            guard reader.string() == source.metadataURL.path, Stamp(reading: &reader) == stamp else { return nil }
            return HeaderCache.decode(&reader, fileSizes: stamp.articleFileSizes, nodeCount: nodeCount)
        }
    }

    /// The body of a cache file, every count and range checked against the bytes left and the file.
    static func decode(_ reader: inout ByteReader, fileSizes: [Int64], nodeCount: Int) -> Contents? {
        // The fewest bytes a header and an issue take, to bound their counts before allocating.
        let minimumHeader = 4 + 4 + 4 + 4 + 8 + 2 + 4 + 4 + 4 + 2 + 8 + 4
        let minimumIssue = 1 + 4 + 4 + 4 + 4 + 4
        guard let count = reader.count(each: minimumHeader) else { return nil }
        var headers: [ArticleHeader] = []
        headers.reserveCapacity(count)
        for _ in 0..<count {
            guard let id = reader.string(), !id.isEmpty, let url = reader.string(), let title = reader.string(),
                let authorCount = reader.count(each: 4)
            else { return nil }
            var authors: [String] = []
            authors.reserveCapacity(authorCount)
            for _ in 0..<authorCount {
                guard let author = reader.string() else { return nil }
                authors.append(author)
            }
            guard let seconds = reader.i64(), PublishedDate.supportedSeconds.contains(seconds),
                let zone = reader.u16().map({ Int16(bitPattern: $0) }), PublishedDate.supportedOffsets.contains(zone),
                let language = reader.string(), let nodesInHeader = reader.count(each: 4)
            else { return nil }
            var nodes: [Int32] = []
            nodes.reserveCapacity(nodesInHeader)
            for _ in 0..<nodesInHeader {
                guard let node = reader.u32(), Int(node) < nodeCount else { return nil }
                nodes.append(Int32(node))
            }
            guard let line = reader.u32(), line > 0, let file = reader.u16().map(Int.init), fileSizes.indices.contains(file),
                let offset = reader.i64(), let length = reader.u32(),
                offset >= 0, length > 0, offset <= fileSizes[file] - Int64(length)
            else { return nil }
            headers.append(
                ArticleHeader(
                    id: id, url: url, title: title, authors: authors, published: PublishedDate(secondsSince1970: seconds, offsetMinutes: zone),
                    language: language, nodes: nodes, span: LineSpan(line: Int(line), offset: offset, length: Int(length), file: file)))
        }
        guard let issueCount = reader.count(each: minimumIssue) else { return nil }
        var issues: [ArchiveIssue] = []
        issues.reserveCapacity(issueCount)
        for _ in 0..<issueCount {
            guard let severity = reader.u8().flatMap(ArchiveIssue.Severity.init(rawValue:)),
                let path = reader.string(), let line = reader.u32(), let column = reader.u32(), let id = reader.string(),
                let message = reader.string()
            else { return nil }
            issues.append(
                ArchiveIssue(
                    path: path, line: line == 0 ? nil : Int(line), column: column == 0 ? nil : Int(column),
                    articleID: id.isEmpty ? nil : id, message: message, severity: severity))
        }
        guard reader.isAtEnd else { return nil }
        return Contents(headers: headers, issues: issues)
    }

    /// Writes the index atomically. Failing to write a cache is not an error: the archive still opens.
    @discardableResult
    public func store(_ headers: [ArticleHeader], issues: [ArchiveIssue], for source: ArchiveSource) -> Bool {
        guard case .directory = source.layout, let stamp = Stamp(source), stamp.articleFileSizes.count <= Int(UInt16.max)
        else { return false }
        var w = ByteWriter()
        w.buffer.reserveCapacity(headers.count * 160 + 4096)
        w.bytes(HeaderCache.magic)
        w.u32(HeaderCache.version)
        w.i64(0)  // length and checksum, filled in below
        w.i64(0)
        w.string(source.metadataURL.path)
        stamp.write(to: &w)
        w.u32(UInt32(headers.count))
        for header in headers {
            w.string(header.id)
            w.string(header.url)
            w.string(header.title)
            w.u32(UInt32(header.authors.count))
            for author in header.authors { w.string(author) }
            w.i64(header.published.secondsSince1970)
            w.u16(UInt16(bitPattern: header.published.offsetMinutes))
            w.string(header.language)
            w.u32(UInt32(header.nodes.count))
            for node in header.nodes { w.u32(UInt32(bitPattern: node)) }
            w.u32(UInt32(clamping: header.span?.line ?? 0))
            w.u16(UInt16(clamping: header.span?.file ?? 0))
            w.i64(header.span?.offset ?? 0)
            w.u32(UInt32(clamping: header.span?.length ?? 0))
        }
        w.u32(UInt32(issues.count))
        for issue in issues {
            w.u8(issue.severity.rawValue)
            w.string(issue.path)
            w.u32(UInt32(clamping: issue.line ?? 0))
            w.u32(UInt32(clamping: issue.column ?? 0))
            w.string(issue.articleID ?? "")
            w.string(issue.message)
        }
        let payloadLength = Int64(w.buffer.count - HeaderCache.preambleSize)
        let checksum = w.buffer.withUnsafeBytes {
            HeaderCache.checksum(UnsafeRawBufferPointer(rebasing: $0[HeaderCache.preambleSize...]))
        }
        w.set(i64: payloadLength, at: HeaderCache.magic.count + 4)
        w.set(i64: checksum, at: HeaderCache.magic.count + 12)
        return HeaderCache.writeAtomically(w.buffer, to: fileURL(for: source), in: directory)
    }

    /// Magic, version, payload length and checksum.
    static let preambleSize = magic.count + 4 + 8 + 8

    /// A fast 64-bit hash of the payload, eight bytes at a time: it catches a damaged disk, not an attacker.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> Int64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            hash = (hash ^ word) &* 0x100_0000_01b3
            hash ^= hash >> 29
            i += 8
        }
        while i < bytes.count {
            hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
            i += 1
        }
        return Int64(bitPattern: hash)
    }

    /// Writes to a fresh, exclusively created file in a private folder, then renames it over the
    /// target, so no planted file or link is ever written through and readers see old or new, whole.
    static func writeAtomically(_ bytes: [UInt8], to target: URL, in directory: URL) -> Bool {
        do {
            try FileManager.default.createDirectory(
                at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        let temporary = directory.appendingPathComponent(
            ".\(target.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        // Written without copying the buffer into a Data first: at 50,000 articles it is megabytes.
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            return false
        }
        return true
    }

    /// Identifies one state of the archive's files on disk: `archive.json`, then each articles file.
    struct Stamp: Equatable {
        var values: [Int64]

        init?(_ source: ArchiveSource) {
            guard case .directory(let files) = source.layout, var values = Stamp.identity(of: source.metadataURL.path)
            else { return nil }
            for file in files {
                guard let identity = Stamp.identity(of: file.path) else { return nil }
                values += identity
            }
            self.values = values
        }

        /// Reads a file count, bounded by the bytes left, then the values.
        init?(reading reader: inout ByteReader) {
            guard let files = reader.count(each: Stamp.perFile * 8), files >= 2 else { return nil }
            var values: [Int64] = []
            for _ in 0..<(files * Stamp.perFile) {
                guard let v = reader.i64() else { return nil }
                values.append(v)
            }
            self.values = values
        }

        func write(to writer: inout ByteWriter) {
            writer.u32(UInt32(values.count / Stamp.perFile))
            for v in values { writer.i64(v) }
        }

        /// Values per file: size, modification and change times, inode.
        static let perFile = 6

        /// The size of each articles file, which bounds every byte range the cache holds in it.
        var articleFileSizes: [Int64] {
            stride(from: Stamp.perFile, to: values.count, by: Stamp.perFile).map { values[$0] }
        }

        var totalArticlesSize: Int64 { articleFileSizes.reduce(0, +) }

        /// Follows symbolic links: what matters is the file read, not the link to it.
        static func identity(of path: String) -> [Int64]? {
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            // The change time too: a rewrite that restores the old modification time still changes it.
            return [
                Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec),
                Int64(info.st_ctim.tv_sec), Int64(info.st_ctim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino)),
            ]
        }
    }
}

struct ByteWriter {
    var buffer: [UInt8] = []

    mutating func bytes(_ b: [UInt8]) { buffer.append(contentsOf: b) }
    mutating func u8(_ v: UInt8) { buffer.append(v) }
    mutating func u16(_ v: UInt16) { withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func i64(_ v: Int64) { withUnsafeBytes(of: v.littleEndian) { buffer.append(contentsOf: $0) } }
    mutating func set(i64 v: Int64, at offset: Int) {
        withUnsafeBytes(of: v.littleEndian) { bytes in
            for (i, byte) in bytes.enumerated() { buffer[offset + i] = byte }
        }
    }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { utf8 in
            u32(UInt32(utf8.count))
            buffer.append(contentsOf: utf8)
        }
    }
}

struct ByteReader {
    let raw: UnsafeRawBufferPointer
    var position = 0

    init(_ raw: UnsafeRawBufferPointer) { self.raw = raw }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard position + count <= raw.count else { return nil }
        defer { position += count }
        return Array(raw[position..<(position + count)])
    }

    mutating func load<T: FixedWidthInteger>(_ type: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard position + size <= raw.count else { return nil }
        defer { position += size }
        return T(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    mutating func u8() -> UInt8? { load(UInt8.self) }
    mutating func u16() -> UInt16? { load(UInt16.self) }
    mutating func u32() -> UInt32? { load(UInt32.self) }
    mutating func i64() -> Int64? { load(Int64.self) }

    var isAtEnd: Bool { position == raw.count }

    /// A u32 count of items of at least `each` bytes, refused when the bytes left cannot hold them.
    mutating func count(each: Int) -> Int? {
        guard let value = u32().map(Int.init), value <= (raw.count - position) / max(1, each) else { return nil }
        return value
    }

    mutating func string() -> String? {
        guard let count = u32().map(Int.init), position + count <= raw.count else { return nil }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[position..<(position + count)]), as: UTF8.self)
    }
}
