import Foundation
import SteppeResources
import Testing

@testable import SteppeCore

/// The bundled sample must stay a fair showcase of the taxonomy.
@Suite struct SampleArchiveTests {
    let library: Library

    init() throws { library = try ArchiveReader.open(BundledResources.sampleArchive.path) }

    @Test func isCleanAndLargeEnough() throws {
        #expect(library.catalogue.headers.count >= 30)
        #expect(try ArchiveValidator.validate(BundledResources.sampleArchive.path).isClean)
    }

    @Test func coversEveryRegionGroupAndTopic() {
        let t = library.catalogue.taxonomy
        for group in Taxonomy.eurasianet.regions {
            #expect(library.catalogue.count(in: t.index(of: group.slug, in: .regions)!) > 0, "\(group.slug)")
        }
        for topic in Taxonomy.eurasianet.topics {
            #expect(library.catalogue.count(in: t.index(of: topic.slug, in: .topics)!) > 0, "\(topic.slug)")
        }
        let places = (0..<t.count).filter { i in
            if case .node(.regions) = t[i].kind, t[i].children.isEmpty { return library.catalogue.count(in: i) > 0 }
            return false
        }
        #expect(places.count >= 15)
        #expect(library.catalogue.count(in: t.index(of: "blogs", in: .sections)!) >= 1)
        #expect(library.catalogue.count(in: t.index(of: "podcasts", in: .sections)!) >= 1)
    }

    @Test func hasRussianAndChineseTextAndSpreadsOverYears() throws {
        #expect(library.catalogue.headers.filter { $0.language == "ru" }.count >= 3)
        let years = Set(library.catalogue.headers.map(\.published.year))
        #expect(years.count >= 5)
        let bodies = try (0..<library.catalogue.headers.count).map { try library.bodies.article(library.catalogue.headers[$0]) }
        #expect(bodies.contains { a in a.body.contains { $0.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } } })
        for article in bodies {
            let paragraphs = article.body.filter { $0.kind == .paragraph }.count
            #expect((3...10).contains(paragraphs), "\(article.id) has \(paragraphs) paragraphs")
        }
    }
}

/// The JSON Schema shipped for other tools must say what the reader enforces.
@Suite struct SchemaTests {
    @Test func schemaMatchesTheReader() throws {
        let url = BundledResources.schemaDirectory.appendingPathComponent("steppe-archive-v1.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let article = try #require(defs["Article"] as? [String: Any])
        #expect(Set(article["required"] as? [String] ?? []) == ["id", "url", "title", "authors", "published", "language", "body"])
        let block = try #require(defs["Block"] as? [String: Any])
        let kinds = ((block["properties"] as? [String: Any])?["type"] as? [String: Any])?["enum"] as? [String]
        #expect(Set(kinds ?? []) == Set(Block.Kind.allCases.map(\.rawValue)))
        let version = ((schema["properties"] as? [String: Any])?["formatVersion"] as? [String: Any])?["const"] as? Int
        #expect(version == ArchiveMetadata.supportedFormatVersion)
        // Every metadata field the reader knows is described.
        let metadataFields = Set((schema["properties"] as? [String: Any] ?? [:]).keys)
        let written = try JSONSerialization.jsonObject(
            with: JSONEncoder().encode(
                ArchiveMetadata(title: "t", description: "d", articlesFile: "a", segments: ["s"], generation: 1, taxonomy: .eurasianet)))
        #expect(Set((written as? [String: Any] ?? [:]).keys).isSubset(of: metadataFields))
    }
}
