import Foundation
import SteppeCore
import Testing

@testable import SteppeImport

/// Every fixture format, imported into an empty archive, gives exactly the expected record.
@Suite struct FixtureTests {
    @Test func aSavedPageWithTheSiteMenusAndFooter() throws {
        let article = try Fixtures.importOne("kyrgyzstan-dam-page.txt")
        #expect(
            article
                == Article(
                    id: "kyrgyzstan-dam-page", url: "", title: "Kyrgyzstan Bets on a Giant Dam Again", authors: [],
                    published: PublishedDate(year: 2012, month: 6, day: 14)!, language: "en", regions: ["kyrgyzstan"],
                    topics: ["environment", "economy"],
                    body: [
                        Block(.paragraph, "Officials in Bishkek say the long-stalled Kambarata-1 hydropower plant on the Naryn river will finally be built, this time with money from Russian state companies."),
                        Block(.paragraph, "Kyrgyzstan has little oil or gas, and in winter the country often runs short of electricity. A large dam upstream would let it store water in summer and generate more power when the cold arrives."),
                        Block(.paragraph, "Neighbours downstream see it differently. Uzbekistan depends on the same rivers to irrigate its cotton fields and fears that water held back in summer will not reach its farms."),
                        Block(.paragraph, "The budget for the project keeps growing. Economists in Bishkek warn that the country could take on a debt it cannot repay if the loans are not on generous terms."),
                    ]))
    }

    @Test func aBylineBeforeTheDateAndAStandfirst() throws {
        let article = try Fixtures.importOne("georgia-wine-byline.txt")
        #expect(
            article
                == Article(
                    id: "georgia-wine-byline", url: "", title: "Georgian Winemakers Look Beyond Russia", authors: ["Nino Beridze"],
                    published: PublishedDate(year: 2010, month: 12, day: 10)!, language: "en",
                    regions: ["georgia", "russia", "china"], topics: ["economy"],
                    summary: "Small cellars in Kakheti are learning to sell to Europe and China.",
                    body: [
                        Block(.paragraph, "When Moscow banned Georgian wine in 2006, the winemakers of Kakheti lost their biggest market overnight."),
                        Block(.paragraph, "Four years later, many of them have found new buyers. Exporters in Tbilisi now ship bottles to Poland, the Baltic states and, increasingly, to China."),
                        Block(.heading, "Selling abroad"),
                        Block(.paragraph, "The shift has not been easy. Small producers had to learn about labels, certificates and trade fairs, and prices in the new markets are lower."),
                        Block(.paragraph, "Still, several family cellars near Telavi say their business has never been better, and the Georgian government has started to pay for stands at foreign exhibitions."),
                    ]))
    }

    @Test func aRussianPageIsTaggedFromRussianPlaceNames() throws {
        let article = try Fixtures.importOne("tajik-migrants-ru.txt")
        #expect(
            article
                == Article(
                    id: "tajik-migrants-ru", url: "", title: "Таджикские мигранты возвращаются домой", authors: [],
                    published: PublishedDate(year: 2015, month: 3, day: 3)!, language: "ru", regions: ["tajikistan"],
                    topics: ["economy", "society"],
                    body: [
                        Block(.paragraph, "Из-за падения рубля многие трудовые мигранты из Таджикистана покидают Россию."),
                        Block(.paragraph, "По данным властей в Душанбе, денежные переводы из России за год сократились почти на треть."),
                        Block(.paragraph, "Экономисты предупреждают, что бюджет Таджикистана сильно зависит от этих переводов, и цены в стране уже растут."),
                        Block(.paragraph, "Семьи в Хатлонской области говорят, что ищут работу дома, но рабочих мест мало."),
                    ]))
    }

    @Test func aPageSavedWithoutMenusTakesItsAuthorFromTheClosingBiography() throws {
        let article = try Fixtures.importOne("armenia-lake-no-menus.txt")
        #expect(
            article
                == Article(
                    id: "armenia-lake-no-menus", url: "", title: "Armenia's Shrinking Lake Sevan", authors: ["Anna Petrosyan"],
                    published: PublishedDate(year: 2019, month: 8, day: 21)!, language: "en", regions: ["armenia"],
                    topics: ["environment"],
                    body: [
                        Block(.paragraph, "Lake Sevan, high in the mountains east of Yerevan, has lost water for decades because of irrigation and hydropower."),
                        Block(.paragraph, "Scientists in Armenia say the level has recovered a little since the government limited how much water may be taken from the lake."),
                        Block(.paragraph, "Warm summers now bring algae blooms, and fishermen report smaller catches along the shore."),
                        Block(.paragraph, "Anna Petrosyan is a journalist based in Yerevan."),
                    ]))
    }

    @Test func aListingPageIsSkippedWithThatReason() throws {
        let report = try Fixtures.importReport(["author-listing.txt"])
        #expect(report.added == 0)
        #expect(report.skipped.map(\.problem) == [.listingPage(header: "Nino Beridze | 212 Articles")])
        #expect(Strings.english.importProblem(report.skipped[0].problem) == "a listing page ('Nino Beridze | 212 Articles'), not an article")
    }

    @Test func anHTMLPageKeepsItsOwnTagsAndDropsTheSiteChrome() throws {
        let article = try Fixtures.importOne("moldova-election.html")
        #expect(
            article
                == Article(
                    id: "moldova-votes-under-pressure", url: "https://eurasianet.org/moldova-votes-under-pressure",
                    title: "Moldova Votes Under Pressure", authors: ["Ion Rusu"],
                    published: PublishedDate(iso: "2021-07-11T09:30:00+03:00")!, language: "en", regions: ["moldova"],
                    topics: ["politics"],
                    body: [
                        Block(.paragraph, "Voters in Moldova go to the polls on Sunday in a snap parliamentary election."),
                        Block(.paragraph, "The campaign in Chisinau has turned on corruption & the country’s ties with its neighbours."),
                        Block(.heading, "A divided country"),
                        Block(.quote, "We want courts that work."),
                        Block(.listItem, "Turnout in 2019 was under half."),
                        Block(.listItem, "Polls close at 9 pm."),
                    ]))
    }

    @Test func anRSSFeedGivesOneArticlePerItemAndNeverExpandsExternalEntities() throws {
        let (report, articles) = try Fixtures.importAll(["feed.rss"])
        #expect(report.skipped == [ImportReport.Skip(path: Fixtures.path("feed.rss"), place: .item(3), problem: .itemNoDate)])
        #expect(
            articles["kazakhstan-raises-fuel-prices"]
                == Article(
                    id: "kazakhstan-raises-fuel-prices", url: "https://eurasianet.org/kazakhstan-raises-fuel-prices",
                    title: "Kazakhstan Raises Fuel Prices", authors: ["Aigerim Sadykova"],
                    published: PublishedDate(iso: "2022-01-03T08:15:00Z")!, language: "en", regions: ["kazakhstan"],
                    topics: ["economy"], summary: "Gas for cars doubles in price in the west of the country.",
                    body: [
                        Block(.paragraph, "Drivers in Zhanaozen woke up to find the price of liquefied gas had doubled."),
                        Block(.paragraph, "The government says the market must set prices."),
                    ]))
        #expect(
            articles["bishkek-smog-season-begins"]
                == Article(
                    id: "bishkek-smog-season-begins", url: "https://eurasianet.org/bishkek-smog-season-begins",
                    title: "Bishkek Smog Season Begins", authors: [], published: PublishedDate(iso: "2022-11-15T06:00:00Z")!,
                    language: "en", regions: ["kyrgyzstan"], topics: ["environment"],
                    body: [
                        Block(.paragraph, "Coal stoves fill the air of the capital every winter."),
                        Block(.paragraph, "Doctors advise masks. &ext;"),
                    ]))
        #expect(articles.values.allSatisfy { !$0.body.contains { $0.text.contains("root:") } })
    }

    @Test func anAtomFeedReadsAuthorsCategoriesAndPlainTextContent() throws {
        let (report, articles) = try Fixtures.importAll(["feed.atom"])
        #expect(report.skipped.isEmpty)
        #expect(
            articles["turkmenistan-buys-drones"]
                == Article(
                    id: "turkmenistan-buys-drones", url: "https://eurasianet.org/turkmenistan-buys-drones",
                    title: "Turkmenistan Buys Drones", authors: ["Sam Carter"], published: PublishedDate(iso: "2021-03-02T12:00:00Z")!,
                    language: "en", regions: ["turkmenistan"], topics: ["security"], section: "the-bug-pit",
                    body: [Block(.paragraph, "A parade in Ashgabat showed new drones.")]))
        #expect(
            articles["mongolia-courts-investors"]
                == Article(
                    id: "mongolia-courts-investors", url: "https://eurasianet.org/mongolia-courts-investors",
                    title: "Mongolia Courts Investors", authors: [], published: PublishedDate(iso: "2020-10-05T00:00:00Z")!,
                    language: "en", regions: ["mongolia"], topics: ["economy"],
                    body: [
                        Block(.paragraph, "Ulaanbaatar hosted a mining forum."), Block(.paragraph, "Investors asked about taxes."),
                    ]))
    }

    @Test func aScrapersJSONIsReadByCommonFieldNames() throws {
        let (report, articles) = try Fixtures.importAll(["scraper.json"])
        #expect(
            report.skipped == [
                ImportReport.Skip(
                    path: Fixtures.path("scraper.json"), place: .record(2), problem: .jsonNoTitle)
            ])
        #expect(
            articles["uzbekistan-opens-its-borders-to-tourists"]
                == Article(
                    id: "uzbekistan-opens-its-borders-to-tourists",
                    url: "https://eurasianet.org/uzbekistan-opens-its-borders-to-tourists",
                    title: "Uzbekistan Opens Its Borders to Tourists", authors: ["Dilnoza Karimova"],
                    published: PublishedDate(year: 2018, month: 2, day: 10)!, language: "en", regions: ["uzbekistan"],
                    topics: ["society"],
                    body: [
                        Block(.paragraph, "Visitors from dozens of countries no longer need a visa for Uzbekistan."),
                        Block(.paragraph, "Hotels in Samarkand and Bukhara report more bookings."),
                    ]))
    }

    @Test func jsonLinesInOurFormatAndOthersWithEachBadLineReported() throws {
        let (report, articles) = try Fixtures.importAll(["records.jsonl"])
        let path = Fixtures.path("records.jsonl")
        #expect(
            report.skipped == [
                ImportReport.Skip(path: path, place: .line(2), problem: .jsonMalformed(detail: "string is not closed")),
                ImportReport.Skip(path: path, place: .line(3), problem: .jsonNoDate),
            ])
        #expect(
            articles["azerbaijan-caviar-farms"]
                == Article(
                    id: "azerbaijan-caviar-farms", url: "https://example.org/azerbaijan-caviar-farms",
                    title: "Azerbaijan's Caviar Farms", authors: ["Leyla Mammadova"],
                    published: PublishedDate(year: 2016, month: 9, day: 1)!, language: "en", regions: ["azerbaijan"],
                    topics: ["economy"], body: [Block(.paragraph, "Sturgeon farms near Baku now sell caviar abroad.")]))
        #expect(
            articles["belarus-potato-harvest"]
                == Article(
                    id: "belarus-potato-harvest", url: "https://example.org/belarus-potato-harvest",
                    title: "Belarus Potato Harvest", authors: [], published: PublishedDate(year: 2020, month: 9, day: 20)!,
                    language: "en", regions: ["belarus"], topics: [],
                    body: [
                        Block(.paragraph, "Farmers near Minsk dug potatoes by hand this year."), Block(.paragraph, "Prices at markets fell."),
                    ]))
    }

    @Test func aWholeFolderImportsEveryFormatAndReportsEverySkip() throws {
        let (report, articles) = try Fixtures.importAll(["."])
        #expect(report.files == 10)
        #expect(report.added == 12)
        #expect(articles.count == 12)
        #expect(report.skipped.count == 5)
    }
}

/// Imports fixtures into scratch archives.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-import-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func importReport(_ names: [String], into archive: URL? = nil, options: ImportOptions = ImportOptions()) throws -> ImportReport {
        let archive = archive ?? scratch().appendingPathComponent("archive")
        let update = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test")
        return try Importer(update: update, options: options).run(names.map { $0 == "." ? folder.path : path($0) })
    }

    static func importAll(_ names: [String], options: ImportOptions = ImportOptions()) throws -> (ImportReport, [String: Article]) {
        let archive = scratch().appendingPathComponent("archive")
        defer { try? FileManager.default.removeItem(at: archive.deletingLastPathComponent()) }
        let report = try importReport(names, into: archive, options: options)
        return (report, try articles(in: archive))
    }

    static func importOne(_ name: String) throws -> Article {
        let (report, articles) = try importAll([name])
        try #require(report.skipped.isEmpty, "\(report.skipped)")
        try #require(articles.count == 1)
        return articles.values.first!
    }

    static func articles(in archive: URL) throws -> [String: Article] {
        let library = try ArchiveReader.open(archive.path)
        var result: [String: Article] = [:]
        for header in library.catalogue.headers { result[header.id] = try library.bodies.article(header) }
        return result
    }
}
