import Foundation
import SteppeCore
import Testing

@testable import SteppeImport

@Suite struct ImporterTests {
    let scratch = Fixtures.scratch()
    var archive: URL { scratch.appendingPathComponent("archive") }

    func write(_ name: String, _ text: String) throws -> String {
        let url = scratch.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func run(_ paths: [String], options: ImportOptions = ImportOptions()) throws -> ImportReport {
        try Importer(update: try ArchiveUpdate(directory: archive, newArchiveTitle: "Test"), options: options).run(paths)
    }

    static func page(_ title: String, _ body: String, date: String = "May 5, 2011") -> String {
        "\(title)\n\n\(date)\n\n\(body)\n"
    }

    @Test func importingTheSameInputsTwiceChangesNothing() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try run([Fixtures.folder.path])
        let files = try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted()
        let metadata = try Data(contentsOf: archive.appendingPathComponent("archive.json"))
        let second = try run([Fixtures.folder.path])
        #expect(first.added == 12)
        #expect(second.added == 0)
        #expect(second.updated == 0)
        #expect(second.unchanged == 12)
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.path).sorted() == files)
        #expect(try Data(contentsOf: archive.appendingPathComponent("archive.json")) == metadata)
    }

    @Test func aChangedPageUpdatesItsArticleAndKeepsEveryOther() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try write("baku-oil-boom-returns.txt", Self.page("Baku Oil Boom Returns", "Oil money flows into Baku again."))
        let other = try write("yerevan-metro-plans.txt", Self.page("Yerevan Metro Plans", "Yerevan wants a new metro line."))
        #expect(try run([page, other]).added == 2)
        _ = try write("baku-oil-boom-returns.txt", Self.page("Baku Oil Boom Returns", "Oil money flows into Baku once more."))
        let report = try run([page])
        #expect(report.updated == 1)
        #expect(report.archiveArticles == 2)
        let articles = try Fixtures.articles(in: archive)
        #expect(articles["baku-oil-boom-returns"]?.body == [Block(.paragraph, "Oil money flows into Baku once more.")])
        #expect(articles["yerevan-metro-plans"]?.body == [Block(.paragraph, "Yerevan wants a new metro line.")])
        // The update went into a segment; the first file was not rewritten.
        let metadata = try JSONDecoder().decode(ArchiveMetadata.self, from: Data(contentsOf: archive.appendingPathComponent("archive.json")))
        #expect(metadata.articlesFile == "articles-g000001.jsonl")
        #expect(metadata.segments == ["articles-g000002.jsonl"])
    }

    @Test func theSameArticleTwiceInOneImportIsKeptOnce() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let a = try write("a.txt", Self.page("Almaty Apples", "Apples from Almaty are famous."))
        let b = try write("b.txt", Self.page("Almaty Apples", "Apples from Almaty are famous."))
        let report = try run([a, b])
        #expect(report.added == 1)
        let id = ArticleIdentity.hashID(title: "Almaty Apples", published: PublishedDate(year: 2011, month: 5, day: 5)!)
        #expect(report.skipped == [ImportReport.Skip(path: b, problem: .repeated(id: id, firstPath: a, firstPlace: nil))])
    }

    @Test func theSameStoryWithoutALinkUpdatesTheEarlierArticle() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let text = try write("saved.txt", Self.page("Osh Bazaar Rebuilt", "The bazaar in Osh, Kyrgyzstan, reopened."))
        #expect(try run([text]).added == 1)
        var options = ImportOptions()
        options.url = "https://eurasianet.org/osh-bazaar-rebuilt"
        let linked = try write("copy.txt", Self.page("Osh  Bazaar Rebuilt", "The bazaar in Osh, Kyrgyzstan, reopened after the fire."))
        let report = try run([linked], options: options)
        #expect(report.updated == 1)
        #expect(report.added == 0)
        let articles = try Fixtures.articles(in: archive)
        #expect(articles.count == 1)
        let id = ArticleIdentity.hashID(title: "Osh Bazaar Rebuilt", published: PublishedDate(year: 2011, month: 5, day: 5)!)
        #expect(articles[id]?.url == "https://eurasianet.org/osh-bazaar-rebuilt")
    }

    @Test func siteChromeInPlainDivsIsNeitherTagsNorText() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try write(
            "page.html",
            """
            <html><body>
            <div class="site-header"><ul class="menu"><li><a href="/region/armenia">Armenia</a></li><li><a href="/topic/economy">Economy</a></li></ul></div>
            <h1>Border Talks in Dushanbe</h1><div class="post-date">May 5, 2011</div>
            <div class="content"><p>Officials from Tajikistan met in Dushanbe.</p><p>Tajik border guards, soldiers and troops joined the security talks.</p></div>
            <div class="block-popular"><h2>Popular</h2><p>Another story</p></div>
            <div>Eurasianet © 2023</div>
            </body></html>
            """)
        #expect(try run([page]).added == 1)
        let article = try #require(try Fixtures.articles(in: archive).values.first)
        #expect(article.regions == ["tajikistan"])
        #expect(article.topics == ["security"])
        #expect(article.published == PublishedDate(year: 2011, month: 5, day: 5))
        #expect(article.body == [
            Block(.paragraph, "Officials from Tajikistan met in Dushanbe."), Block(.paragraph, "Tajik border guards, soldiers and troops joined the security talks."),
        ])
    }

    @Test func everyKindOfBadInputIsSkippedWithItsReason() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let empty = try write("empty.txt", "")
        let blank = try write("blank.txt", "  \n\n ")
        let binary = scratch.appendingPathComponent("binary.bin")
        try Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]).write(to: binary)
        let invalid = scratch.appendingPathComponent("latin1.txt")
        try Data("Title\n\nMay 5, 2011\n\nCaf".utf8 + [0xE9, 0x0A]).write(to: invalid)
        let longLine = try write("long.txt", "Title\n\nMay 5, 2011\n\n" + String(repeating: "a", count: 10 << 20) + "\n")
        let noArticle = try write("nothing.html", "<html><body><nav>menu</nav></body></html>")
        let notAFeed = try write("svg.xml", "<?xml version=\"1.0\"?><svg></svg>")
        let report = try run([empty, blank, binary.path, invalid.path, longLine, noArticle, notAFeed, scratch.appendingPathComponent("missing.txt").path])
        #expect(report.added == 0)
        #expect(
            report.skipped.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent): \(Strings.english.importProblem($0.problem))" }.sorted() == [
                "binary.bin: a binary file, not text",
                "blank.txt: an empty file (only blank space)",
                "empty.txt: an empty file",
                "latin1.txt: not valid UTF-8 text (at byte 23)",
                "long.txt: a line of 10 MB, too long for a page (at most 1 MB)",
                "missing.txt: no such file or folder",
                "nothing.html: no article found in the HTML page (no title)",
                "svg.xml: XML that is not an RSS or Atom feed (root element 'svg')",
            ])
        // Nothing was imported, so nothing was written.
        #expect(!FileManager.default.fileExists(atPath: archive.appendingPathComponent("archive.json").path))
    }

    @Test func oneElementThatIsNotARecordCostsOnlyItself() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let list = try write(
            "list.json", #"[{"title": "Good One", "date": "2011-05-05", "body": "Tashkent text.", "url": "https://example.org/good-one"}, null, 7]"#)
        let report = try run([list])
        #expect(report.added == 1)
        #expect(
            report.skipped.map { ImportReport.Skip(path: $0.path, place: $0.place, problem: $0.problem) } == [
                ImportReport.Skip(path: list, place: .record(2), problem: .jsonNotObject(detail: nil)),
                ImportReport.Skip(path: list, place: .record(3), problem: .jsonNotObject(detail: nil)),
            ])
    }

    @Test func jsonFilesAreJSONWhateverTheirFirstValue() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let lines = try write("n.jsonl", "null\n42\n" + #"{"title": "G3", "date": "2020-01-01", "body": "x", "url": "https://q.example/g3-story"}"# + "\n")
        let empty = try write("empty.json", "[]")
        let report = try run([lines, empty])
        #expect(report.added == 1)
        #expect(
            report.skipped == [
                ImportReport.Skip(path: lines, place: .line(1), problem: .jsonNotObject(detail: nil)),
                ImportReport.Skip(path: lines, place: .line(2), problem: .jsonNotObject(detail: nil)),
                ImportReport.Skip(path: empty, problem: .jsonEmptyList),
            ])
    }

    @Test func aFeedThatBreaksInsideAnItemPassesNoHalfItemOn() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let feed = try write(
            "undefined.rss",
            #"<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>"# + "\n"
                + #"<item><title>Bad &undefined;</title><pubDate>Mon, 06 Jan 2020 10:00:00 GMT</pubDate></item></channel></rss>"#)
        let report = try run([feed])
        #expect(report.added == 0)
        // The parser reads ahead, so the error is met before the first item is handed over.
        #expect(report.skipped.map(\.problem.code) == ["xml-unparsable"])
    }

    @Test func anEntityBombIsRefusedWithLibxmlsReason() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        var doctype = "<!DOCTYPE rss [<!ENTITY a \"lol\">"
        for level in 1...9 { doctype += "<!ENTITY \(Character(UnicodeScalar(UInt8(97 + level)))) \"" + String(repeating: "&\(Character(UnicodeScalar(UInt8(96 + level))));", count: 10) + "\">" }
        let feed = try write("bomb.rss", "<?xml version=\"1.0\"?>" + doctype + "]><rss><channel><item><title>&j;</title></item></channel></rss>")
        let report = try run([feed])
        #expect(report.added == 0)
        #expect(report.skipped.map(\.problem) == [.xmlUnparsable(line: 1, reason: "Detected an entity reference loop")])
    }

    @Test func aBrokenFeedKeepsTheItemsBeforeTheBreak() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let feed = try write(
            "broken.rss",
            """
            <?xml version="1.0"?><rss><channel>
            <item><title>Astana Hosts Talks</title><link>https://example.org/astana-hosts-talks</link><pubDate>2020-01-02</pubDate><description>Talks in Astana.</description></item>
            <item><title>Cut off</title><description>never closed
            """)
        let report = try run([feed])
        #expect(report.added == 1)
        // The item cut off is reported as what it lacks, then the break, with libxml2's words for it.
        #expect(
            report.skipped == [
                ImportReport.Skip(path: feed, place: .item(2), problem: .itemNoDate),
                ImportReport.Skip(
                    path: feed, problem: .feedBroken(line: 3, afterItem: 2, reason: "Extra content at the end of the document")),
            ])
    }

    @Test func commandLineTagsWinOverInference() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let page = try write("p.txt", Self.page("Dushanbe Teahouse Reopens", "The teahouse in Dushanbe reopened with Tajik music."))
        var options = ImportOptions()
        options.regions = ["Iran"]
        options.topics = ["society"]
        _ = try run([page], options: options)
        let article = try #require(try Fixtures.articles(in: archive).values.first)
        #expect(article.regions == ["iran"])
        #expect(article.topics == ["society"])
    }

    @Test func idsComeFromTheURLThenTheFileNameThenAHash() {
        let date = PublishedDate(year: 2011, month: 5, day: 5)!
        #expect(ArticleIdentity.id(url: "https://eurasianet.org/russia-troops-to-return/?utm_source=rss#top", fileName: "a-b-c.txt", sourceID: nil, title: "T", published: date) == "russia-troops-to-return")
        // Addresses whose last segment many articles share are told apart by the whole address.
        let first = ArticleIdentity.id(url: "https://n.example.com/article.php?id=101", fileName: nil, sourceID: nil, title: "T", published: date)
        let second = ArticleIdentity.id(url: "https://n.example.com/article.php?id=102", fileName: nil, sourceID: nil, title: "T", published: date)
        #expect(first.hasPrefix("u-") && second.hasPrefix("u-") && first != second)
        #expect(ArticleIdentity.id(url: "https://a.example/x/index.html", fileName: nil, sourceID: nil, title: "T", published: date)
            != ArticleIdentity.id(url: "https://a.example/y/index.html", fileName: nil, sourceID: nil, title: "T", published: date))
        #expect(ArticleIdentity.id(url: "", fileName: "russia-troops-to-return.txt", sourceID: nil, title: "T", published: date) == "russia-troops-to-return")
        #expect(ArticleIdentity.id(url: "", fileName: "page1.txt", sourceID: "12", title: "T", published: date) == ArticleIdentity.hashID(title: "T", published: date))
        #expect(ArticleIdentity.hashID(title: "Russia  Troops", published: date) == ArticleIdentity.hashID(title: "russia troops", published: date))
        #expect(ArticleIdentity.hashID(title: "Russia Troops", published: date) != ArticleIdentity.hashID(title: "Russia Troops", published: PublishedDate(year: 2011, month: 5, day: 6)!))
    }
}

@Suite struct ArchiveUpdateTests {
    let scratch = Fixtures.scratch()
    var archive: URL { scratch.appendingPathComponent("archive") }

    func article(_ n: Int, _ text: String = "Text.") -> Article {
        Article(
            id: "article-\(n)", url: "", title: "Article \(n)", published: PublishedDate(year: 2020, month: 1, day: 1 + n % 28)!,
            body: [Block(.paragraph, text)])
    }

    func add(_ articles: [Article]) throws -> ArchiveUpdate.Summary {
        let update = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for article in articles { try update.add(article, line: try encoder.encode(article), nodes: []) }
        return try update.commit()
    }

    @Test func anUpdateThatDiesBeforeItsCommitLeavesThePreviousArchiveAndIsCleanedUpNextTime() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try add([article(1), article(2)])
        let before = try Fixtures.articles(in: archive)
        do {
            // Killed after writing its segment, before archive.json: it never commits.
            let update = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test")
            try update.add(article(3), line: try JSONEncoder().encode(article(3)), nodes: [])
            // Simulate the crash: the temporary file stays behind, as after SIGKILL.
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".tmp") }
            #expect(leftovers.count == 1)
            for name in leftovers {
                try FileManager.default.copyItem(
                    at: archive.appendingPathComponent(name), to: archive.appendingPathComponent(name + "-copy.tmp"))
            }
            try FileManager.default.copyItem(
                at: archive.appendingPathComponent("articles-g000001.jsonl"),
                to: archive.appendingPathComponent("articles-g000002.jsonl"))
        }
        #expect(try Fixtures.articles(in: archive) == before)
        _ = try add([article(4)])
        let names = try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { !$0.hasPrefix(".steppe-update.lock") }.sorted()
        // The temporary files are gone; the unlisted segment is left alone (it could be anyone's) and
        // the new segment takes the next free name.
        #expect(names == ["archive.json", "articles-g000001.jsonl", "articles-g000002.jsonl", "articles-g000003.jsonl"])
        let metadata = try JSONDecoder().decode(ArchiveMetadata.self, from: Data(contentsOf: archive.appendingPathComponent("archive.json")))
        #expect(metadata.segments == ["articles-g000003.jsonl"])
        #expect(try Fixtures.articles(in: archive).keys.sorted() == ["article-1", "article-2", "article-4"])
    }

    @Test func segmentsAreFoldedIntoOneFileWhenTheyPileUp() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try add([article(0)])
        var compacted = false
        for n in 1...(ArchiveUpdate.segmentLimit + 1) {
            compacted = try add([article(n), article(0, "Version \(n).")]).isCompacted || compacted
        }
        #expect(compacted)
        let metadata = try JSONDecoder().decode(ArchiveMetadata.self, from: Data(contentsOf: archive.appendingPathComponent("archive.json")))
        #expect(metadata.segments == nil)
        let articles = try Fixtures.articles(in: archive)
        #expect(articles.count == ArchiveUpdate.segmentLimit + 2)
        #expect(articles["article-0"]?.body == [Block(.paragraph, "Version \(ArchiveUpdate.segmentLimit + 1).")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.path).filter { $0.hasSuffix(".jsonl") }.count == 1)
    }

    @Test func aGenerationOutOfRangeIsRefusedAndAnUpdateThatWritesNothingLeavesNoTrace() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try add([article(1)])
        let url = archive.appendingPathComponent("archive.json")
        var metadata = try JSONDecoder().decode(ArchiveMetadata.self, from: Data(contentsOf: url))
        metadata.generation = Int.max
        try JSONEncoder().encode(metadata).write(to: url)
        #expect(
            throws: ArchiveError.invalid(path: url.path, place: "generation", reason: "must be a whole number from 0 to 999999999")
        ) { _ = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test") }
        let fresh = scratch.appendingPathComponent("never/written/here")
        do { _ = try ArchiveUpdate(directory: fresh, newArchiveTitle: "Test") }
        // Not the archive's folder, nor the parents made for it.
        #expect(!FileManager.default.fileExists(atPath: scratch.appendingPathComponent("never").path))
    }

    @Test func newFilesKeepTheArchivesPermissions() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try add([article(1)])
        chmod(archive.appendingPathComponent("archive.json").path, 0o600)
        _ = try add([article(2)])
        for name in ["archive.json", "articles-g000002.jsonl"] {
            let mode = try FileManager.default.attributesOfItem(atPath: archive.appendingPathComponent(name).path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(name)")
        }
    }

    @Test func aReaderKeepsReadingFilesThatACompactionDeleted() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        for n in 0...ArchiveUpdate.segmentLimit { _ = try add([article(n)]) }
        let open = try ArchiveReader.open(archive.path)
        let compacted = try add([article(100)])
        #expect(compacted.isCompacted)
        // Every file the open library indexed is gone from the folder, and every article still reads.
        for header in open.catalogue.headers { #expect(try open.bodies.article(header).id == header.id) }
    }

    @Test func aSecondUpdateWaitsItsTurn() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let first = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test")
        #expect(throws: ArchiveError.unwritable(path: archive.path, reason: "another import into this archive is running")) {
            _ = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test")
        }
        _ = first
    }

    @Test func aFolderThatHoldsOtherFilesIsNotTurnedIntoAnArchive() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: archive.appendingPathComponent("notes.txt"))
        #expect(throws: ArchiveError.self) { _ = try ArchiveUpdate(directory: archive, newArchiveTitle: "Test") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive.path) == ["notes.txt"])
    }

    @Test func aSegmentNameThatLeavesTheFolderIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        _ = try add([article(1)])
        let url = archive.appendingPathComponent("archive.json")
        var metadata = try JSONDecoder().decode(ArchiveMetadata.self, from: Data(contentsOf: url))
        metadata.segments = ["../../etc/passwd"]
        try JSONEncoder().encode(metadata).write(to: url)
        #expect(
            throws: ArchiveError.invalid(
                path: url.path, place: "segments[0]", reason: "a segment must be a plain file name in the archive's folder")
        ) { _ = try ArchiveReader.open(archive.path) }
    }
}
