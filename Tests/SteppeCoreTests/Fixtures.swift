import Foundation
import SteppeCore

/// Temporary folders and small archives for tests, written by hand so each test shows its input.
struct Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ name: String, _ text: String) throws -> URL {
        let target = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
        return target
    }

    /// A folder archive with the given JSON Lines text.
    func folderArchive(_ lines: [String], metadata: String = #"{"formatVersion": 1, "title": "Test"}"#) throws -> URL {
        _ = try file("archive/archive.json", metadata)
        _ = try file("archive/articles.jsonl", lines.joined(separator: "\n") + "\n")
        return url.appendingPathComponent("archive")
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

enum Fixtures {
    static func line(
        id: String, title: String = "A title", published: String = "2020-01-02", language: String = "en",
        regions: [String] = ["kazakhstan"], topics: [String] = ["economy"], extra: String = ""
    ) -> String {
        let r = regions.map { "\"\($0)\"" }.joined(separator: ",")
        let t = topics.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"id":"\#(id)","url":"https://example.org/\#(id)","title":"\#(title)","authors":["Desk"],"published":"\#(published)","language":"\#(language)","regions":[\#(r)],"topics":[\#(t)]\#(extra),"body":[{"type":"paragraph","text":"First paragraph of \#(id)."},{"type":"quote","text":"A quoted line."}]}"#
    }

    static func article(_ id: String, year: Int = 2020, regions: [String] = ["georgia"]) -> Article {
        Article(
            id: id, url: "https://example.org/\(id)", title: "Title \(id)", authors: ["Desk"],
            published: PublishedDate(year: year, month: 3, day: 4)!, language: "en", regions: regions,
            topics: ["society"], section: nil, summary: "Summary of \(id)",
            body: [Block(.paragraph, "Body of \(id)."), Block(.heading, "A heading"), Block(.listItem, "An item")])
    }
}

/// A small deterministic generator (SplitMix64): property tests with a fixed seed damage the same
/// places on every run.
struct SplitMix {
    var state: UInt64

    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(max(1, bound)))
    }
}
