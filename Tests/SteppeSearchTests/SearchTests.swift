import Foundation
import SteppeCore
import Synchronization
import Testing

@testable import SteppeSearch

@Suite struct SearchTextTests {
    @Test func caseAndDiacriticsFoldInEveryScriptOfTheRegion() {
        #expect(SearchText.words("TAJIKISTAN Таджикистан ТБИЛИСИ") == ["tajikistan", "таджикистан", "тбилис"])
        #expect(SearchText.words("İstanbul ISTANBUL ıstanbul") == ["istanbul", "istanbul", "istanbul"])
        #expect(SearchText.words("Ёлка ёлка елка") == ["елк", "елк", "елк"])
        #expect(SearchText.words("Şымкент Oʻzbekiston Ózbekstan") == ["sымкент", "ozbekiston", "ozbekstan"])
        #expect(SearchText.words("ᲡᲐᲥᲐᲠᲗᲕᲔᲚᲝ საქართველო") == ["საქართველო", "საქართველო"])
        #expect(SearchText.words("ՀԱՅԱՍՏԱՆ Հայաստան") == ["հայաստան", "հայաստան"])
    }

    @Test func russianAndEnglishEndingsAreTakenOff() {
        #expect(SearchText.words("Таджикистан Таджикистана Таджикистане") == ["таджикистан", "таджикистан", "таджикистан"])
        #expect(SearchText.words("таджикском таджикский") == ["таджикск", "таджикск"])
        #expect(SearchText.words("elections election protested protest Afghanistan's") == ["election", "election", "protest", "protest", "afghanistan"])
        #expect(SearchText.words("business news") == ["business", "news"])
    }
}

@Suite struct SearchQueryTests {
    let taxonomy = TaxonomyTable(.eurasianet)

    @Test func wordsPhrasesPrefixesExclusionsAndOr() throws {
        let query = try SearchQuery.parse(#"border "drug trade" таджик* -opium Dushanbe OR Kabul"#, taxonomy: taxonomy)
        #expect(
            query.clauses == [
                .init(alternatives: [.word("border", isPrefix: false)], isExcluded: false),
                .init(alternatives: [.phrase(["drug", "trade"])], isExcluded: false),
                .init(alternatives: [.word("таджик", isPrefix: true)], isExcluded: false),
                .init(alternatives: [.word("opium", isPrefix: false)], isExcluded: true),
                .init(alternatives: [.word("dushanbe", isPrefix: false), .word("kabul", isPrefix: false)], isExcluded: false),
            ])
    }

    @Test func filtersAreCheckedAndNamedWhenWrong() throws {
        let query = try SearchQuery.parse("region:central-asia topic:security lang:ru year:2011 is:bookmarked has:note", taxonomy: taxonomy)
        #expect(query.filters.count == 7)
        #expect(throws: SearchQuery.Problem.unknownFilter("regoin")) { try SearchQuery.parse("regoin:tajikistan", taxonomy: taxonomy) }
        #expect(throws: SearchQuery.Problem.badValue(filter: "region", value: "atlantis")) {
            try SearchQuery.parse("region:atlantis", taxonomy: taxonomy)
        }
        #expect(throws: SearchQuery.Problem.badValue(filter: "since", value: "2020-13")) { try SearchQuery.parse("since:2020-13", taxonomy: taxonomy) }
    }

    @Test func aMisspeltSlugGetsTheNearestAndAnEmptyValueAnExample() throws {
        #expect(throws: SearchQuery.Problem.badValue(filter: "region", value: "centralasia", suggestion: "central-asia")) {
            try SearchQuery.parse("region:centralasia", taxonomy: taxonomy)
        }
        #expect(throws: SearchQuery.Problem.badValue(filter: "region", value: "tajiksitan", suggestion: "tajikistan")) {
            try SearchQuery.parse("region:tajiksitan", taxonomy: taxonomy)
        }
        #expect(throws: SearchQuery.Problem.badValue(filter: "section", value: "bug-pit", suggestion: "the-bug-pit")) {
            try SearchQuery.parse("section:bug-pit", taxonomy: taxonomy)
        }
        #expect(throws: SearchQuery.Problem.badValue(filter: "region", value: "tajik", suggestion: "tajikistan")) {
            try SearchQuery.parse("region:tajik", taxonomy: taxonomy)
        }
        #expect(throws: SearchQuery.Problem.badValue(filter: "region", value: "atlantis", suggestion: nil)) {
            try SearchQuery.parse("region:atlantis", taxonomy: taxonomy)
        }
        #expect(Strings.english.searchProblem(.badValue(filter: "region", value: "")) == "region: needs a value, e.g. region:tajikistan")
        #expect(Strings.english.searchProblem(.badValue(filter: "since", value: "2020-13")) == "since: '2020-13' is not a date (2020, 2020-06 or 2020-06-15)")
    }

    @Test func filtersCannotBeExcludedAndQuotedValuesKeepTheirSpaces() throws {
        #expect(throws: SearchQuery.Problem.excludedFilter("-lang:en")) { try SearchQuery.parse("border -lang:en", taxonomy: taxonomy) }
        #expect(try SearchQuery.parse(#"author:"Steppe  Editors" border"#, taxonomy: taxonomy).filters == [.author("steppe editors")])
    }

    @Test func theWordStillBeingTypedIsAPrefix() throws {
        let query = try SearchQuery.parse("border Таджикист", taxonomy: taxonomy, completingLastWord: true)
        #expect(query.clauses.map(\.alternatives) == [[.word("border", isPrefix: false)], [.word("таджикист", isPrefix: true)]])
        let whole = try SearchQuery.parse("Таджикистана", taxonomy: taxonomy, completingLastWord: true)
        #expect(whole.clauses.map(\.alternatives) == [[.word("таджикистан", isPrefix: true)]])
        let done = try SearchQuery.parse("border Таджикист ", taxonomy: taxonomy, completingLastWord: true)
        #expect(done.clauses.last?.alternatives == [.word("таджикист", isPrefix: false)])
    }

    @Test func anUnclosedQuoteRunsToTheEnd() throws {
        let query = try SearchQuery.parse(#"Panj "river border"#, taxonomy: taxonomy)
        #expect(query.clauses.last == .init(alternatives: [.phrase(["river", "border"])], isExcluded: false))
    }
}

@Suite struct SearchIndexTests {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-search-\(UUID().uuidString)")

    static func article(_ id: String, _ title: String, _ body: String, year: Int, regions: [String] = [], topics: [String] = [], language: String = "en", authors: [String] = []) -> Article {
        Article(
            id: id, url: "https://example.org/\(id)", title: title, authors: authors,
            published: PublishedDate(year: year, month: 5, day: 5)!, language: language, regions: regions, topics: topics,
            body: [Block(.paragraph, body)])
    }

    static let articles = [
        article("panj", "The Panj river border", "Tajikistan and Afghanistan share a river border. Border guards watch it.", year: 2011, regions: ["tajikistan", "afghanistan"], topics: ["security"], authors: ["Joanna Lillis"]),
        article("dam", "Rogun dam rises", "Tajikistan builds a dam on the Vakhsh; the border is far away.", year: 2018, regions: ["tajikistan"], topics: ["economy"]),
        article("tea", "Tea houses of Tbilisi", "Georgia's capital has tea houses. Nothing about borders here except one border.", year: 2020, regions: ["georgia"], topics: ["society"]),
        article("ru", "Таджикистан и Россия", "Граница Таджикистана охраняется. В таджикском парламенте спорят.", year: 2015, regions: ["tajikistan", "russia"], topics: ["security"], language: "ru"),
        article("istanbul", "İstanbul ferries", "The ferries of Istanbul cross the Bosphorus.", year: 2019, regions: ["turkey"]),
    ]

    func makeArchive(_ articles: [Article] = SearchIndexTests.articles) throws -> Library {
        let folder = scratch.appendingPathComponent("archive-\(UUID().uuidString)")
        try ArchiveWriter(directory: folder).write(metadata: ArchiveMetadata(title: "Search"), articles: articles)
        return try ArchiveReader.open(folder.path)
    }

    func index(_ library: Library) throws -> SearchIndex {
        let index = try SearchIndex(file: scratch.appendingPathComponent("index.sqlite"))
        try index.sync(library)
        return index
    }

    func search(_ index: SearchIndex, _ text: String, keep: ((String) -> Bool)? = nil) throws -> [String] {
        try index.search(try SearchQuery.parse(text, taxonomy: TaxonomyTable(.eurasianet)), limit: 100, keep: keep)
    }

    @Test func rankedByRelevanceWithRecencyBreakingTies() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try index(try makeArchive())
        // Title words weigh most; two mentions in the text beat one.
        #expect(try search(index, "border") == ["panj", "tea", "dam"])
        #expect(try search(index, "river border") == ["panj"])
    }

    @Test func phrasesPrefixesExclusionOrAndFilters() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try index(try makeArchive())
        #expect(try search(index, #""river border""#) == ["panj"])
        #expect(try search(index, #""border river""#) == [])
        #expect(try search(index, "ferr*") == ["istanbul"])
        #expect(try search(index, "border -dam") == ["panj", "tea"])
        #expect(try search(index, "dam OR ferries").sorted() == ["dam", "istanbul"])
        #expect(try search(index, "border region:georgia") == ["tea"])
        #expect(try search(index, "region:central-asia").sorted() == ["dam", "panj", "ru"])
        #expect(try search(index, "topic:security lang:ru") == ["ru"])
        #expect(try search(index, "year:2018") == ["dam"])
        #expect(try search(index, "since:2019-01 until:2019-12") == ["istanbul"])
        #expect(try search(index, "author:lillis") == ["panj"])
        #expect(throws: SearchProblem.badValue(filter: "lang", value: "xx")) { try self.search(index, "border lang:xx") }
        #expect(try search(index, "border", keep: { $0 != "panj" }) == ["tea", "dam"])
        // Words with filters: the filters narrow inside the full-text match.
        #expect(try search(index, "border region:central-asia") == ["panj", "dam"])
        #expect(try search(index, "таджикистан lang:ru") == ["ru"])
        #expect(try search(index, "border topic:economy since:2018-01") == ["dam"])
        #expect(try search(index, "border -river region:tajikistan") == ["dam"])
        // The filters' own index words are never matched as text.
        #expect(try search(index, "rtajikistan") == [])
        #expect(try search(index, "lru OR tsecurity OR tajikistan*").sorted() == ["dam", "panj"])
    }

    @Test func cyrillicCaseAndInflectionAndTurkishI() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try index(try makeArchive())
        #expect(try search(index, "таджикистан") == ["ru"])
        #expect(try search(index, "ТАДЖИКСКИЙ") == ["ru"])
        #expect(try search(index, "таджик*") == ["ru"])
        #expect(try search(index, "istanbul") == ["istanbul"])
        #expect(try search(index, "İSTANBUL") == ["istanbul"])
    }

    @Test func onlyWhatChangedIsIndexedAgain() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try makeArchive()
        let index = try SearchIndex(file: scratch.appendingPathComponent("index.sqlite"))
        #expect(try index.sync(first) == .init(indexed: 5, removed: 0, isRebuilt: false))
        #expect(try index.sync(first) == .init(indexed: 0, removed: 0, isRebuilt: false))
        var changed = SearchIndexTests.articles
        changed[1].body = [Block(.paragraph, "The Rogun dam now has a reservoir of turquoise water.")]
        changed.remove(at: 2)
        changed.append(SearchIndexTests.article("new", "Almaty apples", "Apples from Almaty.", year: 2021))
        let second = try makeArchive(changed)
        // A new archive folder: every line moved, so all are indexed again; the removed one is gone.
        let summary = try index.sync(second)
        #expect(summary.removed == 1)
        #expect(try search(index, "turquoise") == ["dam"])
        #expect(try search(index, "tea") == [])
        #expect(try search(index, "apples") == ["new"])
        #expect(try index.count() == 5)
    }

    @Test func manyReplacedRowsStartTheIndexAgainAndItKeepsWorking() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try index(try makeArchive())
        // A new folder moves every line: all five are indexed again, leaving five dead rows.
        var changed = SearchIndexTests.articles
        changed[0].title = "The Panj frontier"
        #expect(try index.sync(try makeArchive(changed), deadLimit: 2).isRebuilt == false)
        let summary = try index.sync(try makeArchive(changed), deadLimit: 2)
        #expect(summary.isRebuilt)
        #expect(summary.indexed == 5)
        #expect(try search(index, "frontier") == ["panj"])
        #expect(try index.count() == 5)
        #expect(try index.sync(try makeArchive(changed), deadLimit: 2).isRebuilt == false)
        #expect(try search(index, "ferries") == ["istanbul"])
    }

    @Test func aSearchInterruptedWhileItRunsSaysSoAndTheNextOneRuns() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let index = try index(try makeArchive())
        // `keep` is asked while the query's rows are read: hold the search there and interrupt it.
        let reached = DispatchSemaphore(value: 0)
        let proceed = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<[String], SearchProblem>?>(nil)
        let query = try SearchQuery.parse("border", taxonomy: TaxonomyTable(.eurasianet))
        let thread = Thread {
            var first = true
            let result = Result { () throws(SearchProblem) -> [String] in
                try index.search(query, limit: 100) { _ in
                    if first {
                        first = false
                        reached.signal()
                        proceed.wait()
                    }
                    return true
                }
            }
            outcome.withLock { $0 = result }
            reached.signal()
        }
        thread.start()
        reached.wait()
        index.interrupt()
        proceed.signal()
        reached.wait()
        #expect(outcome.withLock { $0 } == .failure(.interrupted))
        #expect(try search(index, "border") == ["panj", "tea", "dam"])
    }

    @Test func aDeletedOrDamagedIndexIsRebuiltWithoutTouchingTheArchive() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let library = try makeArchive()
        let file = scratch.appendingPathComponent("index.sqlite")
        _ = try index(library)
        try Data(repeating: 0x5A, count: 8192).write(to: file)
        let reopened = try SearchIndex(file: file)
        #expect(try reopened.count() == 0)
        try reopened.sync(library)
        #expect(try search(reopened, "ferries") == ["istanbul"])
        try FileManager.default.removeItem(at: file)
        let again = try SearchIndex(file: file)
        try again.sync(library)
        #expect(try search(again, "panj") == ["panj"])
    }
}

@Suite struct SearchSnippetTests {
    let taxonomy = TaxonomyTable(.eurasianet)

    func snippet(_ body: String, _ query: String, width: Int = 100) throws -> SearchSnippet {
        let article = SearchIndexTests.article("a", "Title", body, year: 2020, regions: [])
        return SearchSnippet.make(article, query: try SearchQuery.parse(query, taxonomy: taxonomy), width: width)
    }

    @Test func highlightsAreDisplayColumnsInCyrillicAndCJK() throws {
        let russian = try snippet("Граница Таджикистана охраняется.", "Таджикистан")
        #expect(russian == SearchSnippet(text: "Граница Таджикистана охраняется.", highlights: [8..<20]))
        // Each CJK character takes two columns, so the match starts at column 5, not 3.
        let cjk = try snippet("中亚 border 新闻 Border", "border")
        #expect(cjk == SearchSnippet(text: "中亚 border 新闻 Border", highlights: [5..<11, 17..<23]))
        // No match: the opening of the text, nothing marked.
        #expect(try snippet("Nothing here.", "border") == SearchSnippet(text: "Nothing here.", highlights: []))
    }

    @Test func titleHighlightsAreTheColumnsOfTheWordsInTheTitle() throws {
        let query = try SearchQuery.parse("border таджик*", taxonomy: taxonomy)
        #expect(SearchSnippet.titleHighlights("The Panj: a river border", query: query) == [18..<24])
        // 中亚 takes four columns.
        #expect(SearchSnippet.titleHighlights("中亚 Borders of таджикский", query: query) == [5..<12, 16..<26])
        #expect(SearchSnippet.titleHighlights("Nothing here", query: query) == [])
    }

    @Test func aLongParagraphIsCutAroundTheMatch() throws {
        let body = String(repeating: "steppe ", count: 20) + "kurultai " + String(repeating: "grass ", count: 20)
        let cut = try snippet(body, "kurultai", width: 30)
        #expect(cut.text.hasPrefix("…"))
        #expect(cut.text.hasSuffix("…"))
        #expect(DisplayWidth.of(cut.text) <= 30)
        let start = cut.text.index(cut.text.startIndex, offsetBy: cut.highlights[0].lowerBound)
        #expect(cut.text[start...].hasPrefix("kurultai"))
    }

    @Test func fittingKeepsTheMatchInSightAndItsColumnsRight() {
        let wide = SearchSnippet(text: "中亚新闻 and more words before the match here", highlights: [35..<40])
        let narrow = wide.fitted(to: 20)
        #expect(DisplayWidth.of(narrow.text) <= 20)
        #expect(narrow.text.hasPrefix("…"))
        let characters = Array(narrow.text)
        #expect(String(characters[narrow.highlights[0]]) == "match")
        // It begins at a word: "…the match", not "…ore the match".
        #expect(narrow.text == "…the match here")
        // Already narrow enough: unchanged.
        #expect(wide.fitted(to: 60) == wide)
        // A match cut at the end keeps only its visible columns.
        let end = SearchSnippet(text: "abcdefghij", highlights: [6..<10]).fitted(to: 8)
        #expect(end.text.count <= 8)
        #expect(end.highlights.allSatisfy { $0.upperBound <= DisplayWidth.of(end.text) })
    }
}
