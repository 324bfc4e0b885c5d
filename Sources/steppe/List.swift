import ArgumentParser
import Foundation
import SteppeCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the archive's articles, newest first: date, id and title, one per line.")

    @OptionGroup var options: ArchiveOptions

    @Option(help: "Only articles filed under this region (a slug, e.g. central-asia or tajikistan).")
    var region: String?

    @Option(help: "Only articles filed under this topic (a slug, e.g. security).")
    var topic: String?

    @Option(help: "Only articles of this section (a slug, e.g. the-bug-pit).")
    var section: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let library = options.openLibrary()
        var selected: [Int32] = library.articles(in: library.taxonomy.allArticles)
        for (slug, facet) in [(region, Facet.regions), (topic, .topics), (section, .sections)] {
            guard let slug else { continue }
            guard let node = library.taxonomy.index(of: slug, in: facet) else {
                fail("unknown \(facet.rawValue.dropLast()) '\(slug)' (see the taxonomy in the README)")
            }
            let members = Set(library.articles(in: node))
            selected = selected.filter(members.contains)
        }
        let headers = selected.map { library.headers[Int($0)] }
        var output = ""
        if json {
            let entries = headers.map { ListEntry($0, library.taxonomy) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
        } else {
            for header in headers {
                let title = TextSanitizer.clean(header.title)
                output += "\(header.published.dayString)\t\(header.id)\t\(title)\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

/// One article in `steppe list --json`.
private struct ListEntry: Encodable {
    var id: String
    var title: String
    var authors: [String]
    var published: String
    var language: String
    var regions: [String]
    var topics: [String]
    var section: String?

    init(_ header: ArticleHeader, _ taxonomy: TaxonomyTable) {
        id = header.id
        title = header.title
        authors = header.authors
        published = header.published.isoString
        language = header.language
        func slugs(_ facet: Facet) -> [String] {
            header.nodes.map { taxonomy[Int($0)] }.filter { $0.facet == facet }.map(\.slug)
        }
        regions = slugs(.regions)
        topics = slugs(.topics)
        section = slugs(.sections).first
    }
}
