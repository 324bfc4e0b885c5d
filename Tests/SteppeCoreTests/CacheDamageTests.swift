import Foundation
import Testing

@testable import SteppeCore

/// A cache is a file any disk can damage: whatever happens to it, an open gives what a clean open gives.
@Suite struct CacheDamageTests {
    struct Setup {
        let scratch: Scratch
        let archive: URL
        let cache: HeaderCache
        let file: URL
        let clean: [ArticleHeader]
        let cleanIssues: [ArchiveIssue]
    }

    func setUp() throws -> Setup {
        let scratch = try Scratch()
        var lines = (0..<40).map { i in
            Fixtures.line(id: "article-\(i)", published: "20\(10 + i % 15)-0\(1 + i % 9)-1\(i % 10)")
        }
        lines.insert("{broken", at: 7)
        let archive = try scratch.folderArchive(lines)
        let cache = HeaderCache(directory: scratch.url.appendingPathComponent("cache"))
        let first = try ArchiveReader.open(archive.path, cache: cache)
        let file = cache.fileURL(for: try ArchiveReader.prepare(archive.path).source)
        return Setup(
            scratch: scratch, archive: archive, cache: cache, file: file, clean: first.catalogue.headers,
            cleanIssues: first.catalogue.issues)
    }

    @Test func flippedBitsAreNeverServedAndNeverCrash() throws {
        let setup = try setUp()
        defer { setup.scratch.remove() }
        let pristine = try Data(contentsOf: setup.file)
        // The clean cache is served, so a refusal below is the damage's doing.
        let clean = try ArchiveReader.prepare(setup.archive.path)
        #expect(setup.cache.load(for: clean.source, nodeCount: clean.taxonomy.count)?.headers == setup.clean)
        var random = SplitMix(state: 20_111_205)
        for _ in 0..<300 {
            var damaged = pristine
            let bit = random.next(pristine.count * 8)
            damaged[bit / 8] ^= UInt8(1 << (bit % 8))
            try damaged.write(to: setup.file)
            let prepared = try ArchiveReader.prepare(setup.archive.path)
            #expect(setup.cache.load(for: prepared.source, nodeCount: prepared.taxonomy.count) == nil, "bit \(bit) was served")
            let reopened = try ArchiveReader.open(setup.archive.path, cache: setup.cache)
            #expect(reopened.catalogue.headers == setup.clean)
            #expect(reopened.catalogue.issues == setup.cleanIssues)
        }
    }

    @Test func aTruncatedOrSwollenCacheIsRebuilt() throws {
        let setup = try setUp()
        defer { setup.scratch.remove() }
        let pristine = try Data(contentsOf: setup.file)
        for damaged in [pristine.prefix(pristine.count / 2), pristine.prefix(10), Data(),
                        pristine + Data(count: 64), pristine + Data(repeating: 0xFF, count: 8 << 20)] {
            try Data(damaged).write(to: setup.file)
            let reopened = try ArchiveReader.open(setup.archive.path, cache: setup.cache)
            #expect(reopened.catalogue.headers == setup.clean)
            // The rebuilt cache is whole again.
            #expect(try Data(contentsOf: setup.file) == pristine)
        }
    }

    @Test func absurdCountsWithAValidChecksumAreRefused() throws {
        let setup = try setUp()
        defer { setup.scratch.remove() }
        var bytes = [UInt8](try Data(contentsOf: setup.file))
        func u32(at offset: Int) -> Int {
            Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
        // The article count follows the preamble, the metadata path and the stamp (a file count, then values).
        var offset = HeaderCache.preambleSize
        offset += 4 + u32(at: offset)
        offset += 4 + u32(at: offset) * HeaderCache.Stamp.perFile * 8
        for (i, byte) in withUnsafeBytes(of: UInt32(0xFFFF_FFF0).littleEndian, Array.init).enumerated() { bytes[offset + i] = byte }
        let checksum = bytes.withUnsafeBytes { HeaderCache.checksum(UnsafeRawBufferPointer(rebasing: $0[HeaderCache.preambleSize...])) }
        for (i, byte) in withUnsafeBytes(of: checksum.littleEndian, Array.init).enumerated() {
            bytes[HeaderCache.magic.count + 12 + i] = byte
        }
        try Data(bytes).write(to: setup.file)
        let prepared = try ArchiveReader.prepare(setup.archive.path)
        #expect(setup.cache.load(for: prepared.source, nodeCount: prepared.taxonomy.count) == nil)
        #expect(try ArchiveReader.open(setup.archive.path, cache: setup.cache).catalogue.headers == setup.clean)
    }

    /// Positions in the first header of a cache file, found by walking its fields.
    func firstHeaderFields(_ bytes: [UInt8]) -> (node: Int, spanOffset: Int) {
        func u32(at offset: Int) -> Int {
            Int(bytes[offset]) | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2]) << 16 | Int(bytes[offset + 3]) << 24
        }
        var at = HeaderCache.preambleSize
        at += 4 + u32(at: at)  // metadata path
        at += 4 + u32(at: at) * HeaderCache.Stamp.perFile * 8  // stamp
        at += 4  // count
        for _ in 0..<3 { at += 4 + u32(at: at) }  // id, url, title
        let authors = u32(at: at)
        at += 4
        for _ in 0..<authors { at += 4 + u32(at: at) }
        at += 8 + 2  // seconds, offset minutes
        at += 4 + u32(at: at)  // language
        let nodes = u32(at: at)
        at += 4
        let node = at
        at += 4 * nodes + 4 + 2  // nodes, line, file
        return (node, at)
    }

    func resealed(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let checksum = bytes.withUnsafeBytes { HeaderCache.checksum(UnsafeRawBufferPointer(rebasing: $0[HeaderCache.preambleSize...])) }
        for (i, byte) in withUnsafeBytes(of: checksum.littleEndian, Array.init).enumerated() {
            bytes[HeaderCache.magic.count + 12 + i] = byte
        }
        return bytes
    }

    @Test(arguments: ["huge offset", "node outside the taxonomy"])
    func aFieldOutOfRangeBehindAValidChecksumIsRefused(field: String) throws {
        let setup = try setUp()
        defer { setup.scratch.remove() }
        var bytes = [UInt8](try Data(contentsOf: setup.file))
        let at = firstHeaderFields(bytes)
        if field == "huge offset" {
            for (i, byte) in withUnsafeBytes(of: (Int64.max - 10).littleEndian, Array.init).enumerated() { bytes[at.spanOffset + i] = byte }
        } else {
            for (i, byte) in withUnsafeBytes(of: UInt32(5000).littleEndian, Array.init).enumerated() { bytes[at.node + i] = byte }
        }
        try Data(resealed(bytes)).write(to: setup.file)
        let prepared = try ArchiveReader.prepare(setup.archive.path)
        #expect(setup.cache.load(for: prepared.source, nodeCount: prepared.taxonomy.count) == nil)
        #expect(try ArchiveReader.open(setup.archive.path, cache: setup.cache).catalogue.headers == setup.clean)
    }

    @Test func aSymlinkedArticlesFileThatChangesMakesTheCacheStale() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let target = try scratch.file("elsewhere/a.jsonl", Fixtures.line(id: "one") + "\n")
        _ = try scratch.file("archive/archive.json", #"{"formatVersion": 1, "title": "Linked"}"#)
        try FileManager.default.createSymbolicLink(
            at: scratch.url.appendingPathComponent("archive/articles.jsonl"), withDestinationURL: target)
        let cache = HeaderCache(directory: scratch.url.appendingPathComponent("cache"))
        let archive = scratch.url.appendingPathComponent("archive").path
        #expect(try ArchiveReader.open(archive, cache: cache).catalogue.headers.map(\.id) == ["one"])
        try Data((Fixtures.line(id: "one") + "\n" + Fixtures.line(id: "two") + "\n").utf8).write(to: target)
        #expect(try ArchiveReader.open(archive, cache: cache).catalogue.headers.map(\.id).sorted() == ["one", "two"])
    }

    @Test func theCacheFolderIsPrivateAndLeavesNoTemporaryFiles() throws {
        let setup = try setUp()
        defer { setup.scratch.remove() }
        let attributes = try FileManager.default.attributesOfItem(atPath: setup.cache.directory.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o700)
        #expect(try FileManager.default.contentsOfDirectory(atPath: setup.cache.directory.path) == [setup.file.lastPathComponent])
    }
}
