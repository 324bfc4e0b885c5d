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
    static let version: UInt32 = 1

    public init(directory: URL) { self.directory = directory }

    /// `$XDG_CACHE_HOME/steppe`, or `~/.cache/steppe`.
    public static func standard(_ directories: XDGDirectories = XDGDirectories()) -> HeaderCache {
        HeaderCache(directory: directories.steppeCache)
    }

    public func fileURL(for source: ArchiveSource) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in source.metadataURL.path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return directory.appendingPathComponent("index-\(String(hash, radix: 16)).bin")
    }

    public struct Contents: Sendable {
        public var headers: [ArticleHeader]
        public var issues: [ArchiveIssue]
    }

    /// The cached headers, or nil when there is no cache or it no longer matches the archive.
    public func load(for source: ArchiveSource) -> Contents? {
        guard let stamp = Stamp(source), let data = try? Data(contentsOf: fileURL(for: source)) else { return nil }
        return data.withUnsafeBytes { raw -> Contents? in
            var reader = ByteReader(raw)
            guard reader.bytes(HeaderCache.magic.count) == HeaderCache.magic, reader.u32() == HeaderCache.version,
                reader.string() == source.metadataURL.path, Stamp(reading: &reader) == stamp,
                let articlesPath = reader.string()
            else { return nil }
            guard let count = reader.u32() else { return nil }
            var headers: [ArticleHeader] = []
            headers.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let id = reader.string(), let title = reader.string(), let authorCount = reader.u16() else {
                    return nil
                }
                var authors: [String] = []
                authors.reserveCapacity(Int(authorCount))
                for _ in 0..<authorCount {
                    guard let author = reader.string() else { return nil }
                    authors.append(author)
                }
                guard let seconds = reader.i64(), let language = reader.string(), let nodeCount = reader.u16() else {
                    return nil
                }
                var nodes: [Int32] = []
                nodes.reserveCapacity(Int(nodeCount))
                for _ in 0..<nodeCount {
                    guard let node = reader.u32() else { return nil }
                    nodes.append(Int32(bitPattern: node))
                }
                guard let line = reader.u32(), let offset = reader.i64(), let length = reader.u32() else { return nil }
                headers.append(
                    ArticleHeader(
                        id: id, title: title, authors: authors, published: PublishedDate(secondsSince1970: seconds),
                        language: language, nodes: nodes,
                        span: LineSpan(line: Int(line), offset: offset, length: Int(length))))
            }
            guard let issueCount = reader.u32() else { return nil }
            var issues: [ArchiveIssue] = []
            for _ in 0..<issueCount {
                guard let severity = reader.u8().flatMap(ArchiveIssue.Severity.init(rawValue:)),
                    let line = reader.u32(), let column = reader.u32(), let id = reader.string(),
                    let message = reader.string()
                else { return nil }
                issues.append(
                    ArchiveIssue(
                        path: articlesPath, line: line == 0 ? nil : Int(line), column: column == 0 ? nil : Int(column),
                        articleID: id.isEmpty ? nil : id, message: message, severity: severity))
            }
            return Contents(headers: headers, issues: issues)
        }
    }

    /// Writes the index atomically. Failing to write a cache is not an error: the archive still opens.
    @discardableResult
    public func store(_ headers: [ArticleHeader], issues: [ArchiveIssue], for source: ArchiveSource) -> Bool {
        guard case .directory(let articlesURL) = source.layout, let stamp = Stamp(source) else { return false }
        var w = ByteWriter()
        w.buffer.reserveCapacity(headers.count * 160 + 4096)
        w.bytes(HeaderCache.magic)
        w.u32(HeaderCache.version)
        w.string(source.metadataURL.path)
        stamp.write(to: &w)
        w.string(articlesURL.path)
        w.u32(UInt32(headers.count))
        for header in headers {
            w.string(header.id)
            w.string(header.title)
            w.u16(UInt16(min(header.authors.count, Int(UInt16.max))))
            for author in header.authors.prefix(Int(UInt16.max)) { w.string(author) }
            w.i64(header.published.secondsSince1970)
            w.string(header.language)
            w.u16(UInt16(header.nodes.count))
            for node in header.nodes { w.u32(UInt32(bitPattern: node)) }
            w.u32(UInt32(header.span?.line ?? 0))
            w.i64(header.span?.offset ?? 0)
            w.u32(UInt32(header.span?.length ?? 0))
        }
        w.u32(UInt32(issues.count))
        for issue in issues {
            w.u8(issue.severity.rawValue)
            w.u32(UInt32(issue.line ?? 0))
            w.u32(UInt32(issue.column ?? 0))
            w.string(issue.articleID ?? "")
            w.string(issue.message)
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // Written without copying the buffer into a Data first: at 50,000 articles it is megabytes.
            let target = fileURL(for: source)
            let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
            let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { return false }
            let written = w.buffer.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
            guard written == w.buffer.count, rename(temporary.path, target.path) == 0 else {
                unlink(temporary.path)
                return false
            }
            return true
        } catch {
            return false
        }
    }

    /// Identifies one state of the archive's files on disk.
    struct Stamp: Equatable {
        var values: [Int64]

        init?(_ source: ArchiveSource) {
            guard case .directory(let articles) = source.layout,
                let a = Stamp.identity(of: source.metadataURL.path), let b = Stamp.identity(of: articles.path)
            else { return nil }
            values = a + b
        }

        init?(reading reader: inout ByteReader) {
            var values: [Int64] = []
            for _ in 0..<8 {
                guard let v = reader.i64() else { return nil }
                values.append(v)
            }
            self.values = values
        }

        func write(to writer: inout ByteWriter) { for v in values { writer.i64(v) } }

        static func identity(of path: String) -> [Int64]? {
            var info = stat()
            guard lstat(path, &info) == 0 else { return nil }
            return [
                Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino)),
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

    mutating func string() -> String? {
        guard let count = u32().map(Int.init), position + count <= raw.count else { return nil }
        defer { position += count }
        return String(decoding: UnsafeRawBufferPointer(rebasing: raw[position..<(position + count)]), as: UTF8.self)
    }
}
