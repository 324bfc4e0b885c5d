import ArgumentParser
import Foundation
import SteppeCore

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutList)

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp(strings.helpRegion), completion: Completions.regions)
    var region: String?

    @Option(help: ArgumentHelp(strings.helpTopic), completion: Completions.topics)
    var topic: String?

    @Option(help: ArgumentHelp(strings.helpSection), completion: Completions.sections)
    var section: String?

    @Flag(help: ArgumentHelp(strings.helpJSON))
    var json = false

    func run() throws {
        let opened = options.openLibrary()
        let library = opened.catalogue
        var selected: [Int32] = library.articles(in: library.taxonomy.allArticles)
        for (slug, facet) in [(region, Facet.regions), (topic, .topics), (section, .sections)] {
            guard let slug else { continue }
            guard let node = library.taxonomy.index(of: slug, in: facet) else {
                fail(strings.unknownSlug(facet, slug))
            }
            let members = Set(library.articles(in: node))
            selected = selected.filter(members.contains)
        }
        let headers = selected.map { library.headers[Int($0)] }
        var output = ""
        if json {
            // The summary is not part of the index: it is read from each article's line.
            let entries = headers.map { ListEntry($0, library.taxonomy, summary: (try? opened.bodies.article($0))?.summary) }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            output = VisibleText.json(String(decoding: try encoder.encode(entries), as: UTF8.self)) + "\n"
        } else {
            for header in headers {
                let title = TextSanitizer.clean(header.title)
                output += "\(header.published.dayString)\t\(VisibleText.escape(header.id))\t\(title)\n"
            }
        }
        Output.print(output)
    }
}

/// One article in `steppe list --json`.
private struct ListEntry: Encodable {
    var id: String
    var url: String
    var title: String
    var summary: String?
    var authors: [String]
    var published: String
    var language: String
    var regions: [String]
    var topics: [String]
    var section: String?

    init(_ header: ArticleHeader, _ taxonomy: TaxonomyTable, summary: String?) {
        id = header.id
        url = header.url
        title = header.title
        self.summary = summary
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
