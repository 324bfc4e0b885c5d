import Foundation
import Testing

@testable import SteppeCore

@Suite struct HeaderCacheTests {
    @Test func secondOpenComesFromTheCacheWithTheSameContent() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([Fixtures.line(id: "a"), "{broken", Fixtures.line(id: "b", published: "2022-02-02")])
        let cache = HeaderCache(directory: scratch.url.appendingPathComponent("cache"))
        let first = try ArchiveReader.open(dir.path, cache: cache)
        let prepared = try ArchiveReader.prepare(dir.path)
        let cached = try #require(cache.load(for: prepared.source, nodeCount: prepared.taxonomy.count))
        #expect(cached.headers == first.catalogue.headers)
        #expect(cached.issues == first.catalogue.issues)
        let second = try ArchiveReader.open(dir.path, cache: cache)
        #expect(second.catalogue.headers == first.catalogue.headers)
        #expect(second.catalogue.skippedCount == 1)
        #expect(try second.bodies.article(second.catalogue.headers[0]).id == "b")
    }

    @Test func changingTheArchiveMakesTheCacheStale() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([Fixtures.line(id: "a")])
        let cache = HeaderCache(directory: scratch.url.appendingPathComponent("cache"))
        _ = try ArchiveReader.open(dir.path, cache: cache)
        _ = try scratch.folderArchive([Fixtures.line(id: "a"), Fixtures.line(id: "new-one")])
        let reopened = try ArchiveReader.open(dir.path, cache: cache)
        #expect(reopened.catalogue.headers.map(\.id).sorted() == ["a", "new-one"])
    }

    @Test func aCorruptCacheIsIgnored() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([Fixtures.line(id: "a")])
        let cache = HeaderCache(directory: scratch.url.appendingPathComponent("cache"))
        _ = try ArchiveReader.open(dir.path, cache: cache)
        let file = cache.fileURL(for: try ArchiveReader.prepare(dir.path).source)
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        #expect(try ArchiveReader.open(dir.path, cache: cache).catalogue.headers.map(\.id) == ["a"])
    }
}
