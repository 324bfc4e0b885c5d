import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Where one line of a JSON Lines file lies.
public struct LineSpan: Sendable, Equatable {
    /// 1-based line number.
    public var line: Int
    public var offset: Int64
    public var length: Int
    /// Which of a folder archive's article files holds the line: 0 for the main file, then its segments.
    public var file: Int

    public init(line: Int, offset: Int64, length: Int, file: Int = 0) {
        self.line = line
        self.offset = offset
        self.length = length
        self.file = file
    }
}

/// Why one line could not be decoded.
public struct LineFailure: Error, Sendable, Equatable {
    public var message: String
    public var column: Int?
}

/// One decoded (or failed) line.
public struct ScannedLine<Record: Sendable>: Sendable {
    public var span: LineSpan
    public var result: Result<Record, LineFailure>
}

/// Decodes a JSON Lines file line by line, in parallel over byte ranges, reading in 1 MiB blocks.
///
/// Reading blocks instead of mapping the file keeps the resident size small on a 250 MB archive;
/// each line is decoded on its own so that a broken line costs only itself.
public enum JSONLinesScanner {
    public typealias Progress = @Sendable (_ bytesDone: Int64, _ bytesTotal: Int64) -> Void

    /// Files from this size on are split into one part per processor.
    public static let parallelThreshold: Int64 = 4 << 20

    /// `parts` overrides the split (tests use it to cover the parallel path with small files).
    public static func scan<Record: Decodable & Sendable>(
        _ url: URL, as type: Record.Type, progress: Progress? = nil, parts requested: Int? = nil
    ) throws(ArchiveError) -> [ScannedLine<Record>] {
        let fd = try RegularFile.open(url)
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
        let size = Int64(info.st_size)

        let parts = max(1, requested ?? (size < parallelThreshold ? 1 : ProcessInfo.processInfo.activeProcessorCount))
        let bounds = try partBounds(fd: fd, size: size, parts: parts, path: url.path)
        let results = Mutex<[[ScannedLine<Record>]]>(Array(repeating: [], count: parts))
        let lineCounts = Mutex<[Int]>(Array(repeating: 0, count: parts))
        let failures = Mutex<[String]>([])
        let done = Atomic<Int64>(0)

        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let decoder = JSONDecoder()
            var local: [ScannedLine<Record>] = []
            var lines = 0
            var reported: Int64 = bounds[part]
            do {
                try forEachLine(fd: fd, from: bounds[part], to: bounds[part + 1]) { pointer, offset, length in
                    lines += 1
                    guard let trimmed = trimmedLength(pointer, length) else { return }
                    let data = Data(bytes: pointer, count: trimmed)
                    let span = LineSpan(line: lines, offset: offset, length: trimmed)
                    do {
                        local.append(ScannedLine(span: span, result: .success(try decoder.decode(Record.self, from: data))))
                    } catch {
                        local.append(ScannedLine(span: span, result: .failure(failure(for: error, in: data))))
                    }
                    if let progress, offset - reported > 4 << 20 {
                        let total = done.add(offset - reported, ordering: .relaxed).newValue
                        reported = offset
                        progress(total, size)
                    }
                }
                _ = done.add(bounds[part + 1] - reported, ordering: .relaxed)
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
            results.withLock { $0[part] = local }
            lineCounts.withLock { $0[part] = lines }
        }
        if let message = failures.withLock({ $0.first }) { throw .unreadable(path: url.path, reason: message) }
        progress?(size, size)

        let counts = lineCounts.withLock { $0 }
        return results.withLock { all in
            var merged: [ScannedLine<Record>] = []
            merged.reserveCapacity(all.reduce(0) { $0 + $1.count })
            var firstLine = 0
            for (part, lines) in all.enumerated() {
                for var scanned in lines {
                    scanned.span.line += firstLine
                    merged.append(scanned)
                }
                firstLine += counts[part]
            }
            return merged
        }
    }

    /// Whether the span still starts and ends at line breaks (or the ends of the file).
    static func isWholeLine(_ span: LineSpan, in url: URL) -> Bool {
        guard let fd = try? RegularFile.open(url) else { return false }
        defer { close(fd) }
        return isWholeLine(span, fd: fd)
    }

    static func isWholeLine(_ span: LineSpan, fd: Int32) -> Bool {
        var byte: UInt8 = 0
        if span.offset > 0 {
            guard pread(fd, &byte, 1, off_t(span.offset - 1)) == 1, byte == UInt8(ascii: "\n") else { return false }
        }
        let after = pread(fd, &byte, 1, off_t(span.offset + Int64(span.length)))
        return after == 0 || (after == 1 && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")))
    }

    /// Reads the bytes of one line, as recorded by a scan.
    public static func read(_ span: LineSpan, from url: URL) throws(ArchiveError) -> Data {
        let fd = try RegularFile.open(url)
        defer { close(fd) }
        return try read(span, fd: fd, path: url.path)
    }

    /// The same from a file already open.
    static func read(_ span: LineSpan, fd: Int32, path: String) throws(ArchiveError) -> Data {
        var data = Data(count: span.length)
        let got = data.withUnsafeMutableBytes { pread(fd, $0.baseAddress, span.length, off_t(span.offset)) }
        guard got == span.length else {
            throw .archiveChanged(path: path, line: span.line)
        }
        return data
    }

    package static func failure(for error: any Error, in data: Data) -> LineFailure {
        if DecodingErrorMessage.isSyntaxError(error), let location = JSONSyntaxLocator.locate(in: data) {
            return LineFailure(message: "malformed JSON: \(location.reason)", column: location.column)
        }
        return LineFailure(message: DecodingErrorMessage.describe(error), column: nil)
    }

    /// The line's length without a trailing CR, or nil for a blank line.
    private static func trimmedLength(_ pointer: UnsafeRawPointer, _ length: Int) -> Int? {
        var end = length
        let bytes = pointer.assumingMemoryBound(to: UInt8.self)
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        var index = 0
        while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        return index == end ? nil : end
    }

    /// Splits the file into parts that start at line beginnings.
    private static func partBounds(fd: Int32, size: Int64, parts: Int, path: String) throws(ArchiveError) -> [Int64] {
        var bounds: [Int64] = [0]
        var probe = [UInt8](repeating: 0, count: 64 << 10)
        for k in 1..<max(parts, 1) {
            var position = max(size * Int64(k) / Int64(parts), bounds.last!)
            var found = false
            while position < size && !found {
                let got = probe.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
                guard got > 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
                if let newline = probe[0..<got].firstIndex(of: 0x0A) {
                    position += Int64(newline + 1)
                    found = true
                } else {
                    position += Int64(got)
                }
            }
            bounds.append(min(position, size))
        }
        bounds.append(size)
        return bounds
    }

    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Calls `body` for every line in [from, to): a pointer to its bytes, its file offset and length.
    package static func forEachLine(
        fd: Int32, from: Int64, to: Int64, _ body: (UnsafeRawPointer, Int64, Int) throws -> Void
    ) throws {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var filled = 0
        var bufferOffset = from
        var position = from
        while position < to || filled > 0 {
            if position < to {
                if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
                let want = min(buffer.count - filled, Int(to - position))
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + filled, want, off_t(position)) }
                if got < 0 { throw ReadError(description: String(cString: strerror(errno))) }
                if got == 0 { break }
                filled += got
                position += Int64(got)
            }
            let atEnd = position >= to
            let consumed: Int = try buffer.withUnsafeBytes { raw in
                let base = raw.baseAddress!
                var start = 0
                while start < filled {
                    let remaining = filled - start
                    if let hit = memchr(base + start, 0x0A, remaining) {
                        let length = base.distance(to: UnsafeRawPointer(hit)) - start
                        try body(base + start, bufferOffset + Int64(start), length)
                        start += length + 1
                    } else if atEnd {
                        // The last line has no newline.
                        try body(base + start, bufferOffset + Int64(start), remaining)
                        start = filled
                    } else {
                        break
                    }
                }
                return start
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    let base = raw.baseAddress!
                    memmove(base, base + consumed, filled - consumed)
                }
                filled -= consumed
                bufferOffset += Int64(consumed)
            }
            if atEnd && filled == 0 { break }
        }
    }
}
