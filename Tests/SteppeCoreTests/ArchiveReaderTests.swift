import Foundation
import Testing

@testable import SteppeCore

@Suite struct ArchiveReaderTests {
    @Test func roundTripThroughTheWriterKeepsEveryField() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let articles = [Fixtures.article("a", year: 2019), Fixtures.article("b", year: 2021, regions: ["tajikistan", "afghanistan"])]
        let dir = scratch.url.appendingPathComponent("out")
        try ArchiveWriter(directory: dir).write(metadata: ArchiveMetadata(title: "Round trip"), articles: articles)

        let library = try ArchiveReader.open(dir.path)
        #expect(library.catalogue.metadata.title == "Round trip")
        #expect(library.catalogue.headers.map(\.id) == ["b", "a"])
        #expect(try library.bodies.article(library.catalogue.headers[0]) == articles[1])
        #expect(try library.bodies.article(library.catalogue.headers[1]) == articles[0])
        #expect(library.catalogue.issues.isEmpty)
    }

    @Test func singleFileArchiveOpensWithArticlesInline() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let url = try scratch.file(
            "small.json",
            #"{"formatVersion": 1, "title": "Small", "articles": [\#(Fixtures.line(id: "x")), \#(Fixtures.line(id: "y", published: "2021-05-06"))]}"#)
        let library = try ArchiveReader.open(url.path)
        #expect(library.catalogue.headers.map(\.id) == ["y", "x"])
        #expect(try library.bodies.article(library.catalogue.headers[1]).body.map(\.kind) == [.paragraph, .quote])
    }

    @Test func everyRequiredFieldIsChecked() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let full = Fixtures.line(id: "ok")
        var lines: [String] = [full]
        let required = ["id", "url", "title", "authors", "published", "language", "body"]
        for field in required {
            // Remove the field from a copy of a valid line.
            var object = try JSONSerialization.jsonObject(with: Data(full.utf8)) as! [String: Any]
            object["id"] = "missing-\(field)"
            object.removeValue(forKey: field)
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        let library = try ArchiveReader.open(try scratch.folderArchive(lines).path)
        #expect(library.catalogue.headers.map(\.id) == ["ok"])
        let messages = library.catalogue.issues.map(\.message)
        for field in required {
            #expect(messages.contains("missing field '\(field)'"), "no issue for \(field): \(messages)")
        }
        #expect(library.catalogue.issues.allSatisfy { $0.severity == .skipped })
    }

    @Test func truncatedLineIsReportedWithLineAndColumnAndSkipped() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let good = Fixtures.line(id: "good")
        let broken = String(Fixtures.line(id: "broken").prefix(60))
        let library = try ArchiveReader.open(try scratch.folderArchive([good, broken, Fixtures.line(id: "after")]).path)
        #expect(library.catalogue.headers.map(\.id).sorted() == ["after", "good"])
        let issue = try #require(library.catalogue.issues.first)
        #expect(issue.line == 2)
        // The column of the string that never closes.
        #expect(issue.column == 59)
        #expect(issue.description.hasSuffix("articles.jsonl:2:59: malformed JSON: string is not closed (entry skipped)"))
        #expect(library.catalogue.skippedCount == 1)
    }

    @Test func wrongTypesNameTheField() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let line = Fixtures.line(id: "t").replacingOccurrences(of: #""authors":["Desk"]"#, with: #""authors":"Desk""#)
        let library = try ArchiveReader.open(try scratch.folderArchive([line]).path)
        #expect(library.catalogue.issues.map(\.message) == ["'authors' should be an array"])
        #expect(library.catalogue.issues.first?.line == 1)
    }

    @Test func badDatesAreRejected() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines = [
            Fixtures.line(id: "a", published: "2011-13-05"), Fixtures.line(id: "b", published: "yesterday"),
            Fixtures.line(id: "c", published: "2012-02-30"), Fixtures.line(id: "d", published: "2012-02-29T10:00:00Z"),
        ]
        let library = try ArchiveReader.open(try scratch.folderArchive(lines).path)
        #expect(library.catalogue.headers.map(\.id) == ["d"])
        #expect(library.catalogue.issues.count == 3)
        #expect(library.catalogue.issues[0].message.contains("'2011-13-05' is not a date"))
    }

    @Test func duplicateIdsKeepTheFirstAndReportTheRest() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines = [Fixtures.line(id: "same", title: "First"), Fixtures.line(id: "other"), Fixtures.line(id: "same", title: "Second")]
        let library = try ArchiveReader.open(try scratch.folderArchive(lines).path)
        #expect(library.catalogue.headers.count == 2)
        #expect(library.catalogue.headers.first { $0.id == "same" }?.title == "First")
        #expect(library.catalogue.issues.map(\.description) == [
            "\(scratch.url.path)/archive/articles.jsonl:3: id 'same': duplicate id (first on line 1) (entry skipped)"
        ])
    }

    @Test func unknownSlugsAreWarningsNotSkips() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let library = try ArchiveReader.open(try scratch.folderArchive([Fixtures.line(id: "a", regions: ["atlantis"])]).path)
        #expect(library.catalogue.headers.count == 1)
        #expect(library.catalogue.issues.map(\.severity) == [.warning])
        #expect(library.catalogue.skippedCount == 0)
    }

    @Test func unknownFormatVersionIsFatal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([Fixtures.line(id: "a")], metadata: #"{"formatVersion": 2, "title": "Future"}"#)
        #expect(throws: ArchiveError.unsupportedFormatVersion(path: dir.path + "/archive.json", found: 2, supported: 1)) {
            try ArchiveReader.open(dir.path)
        }
    }

    @Test func truncatedMetadataNamesLineAndColumn() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([], metadata: "{\n  \"formatVersion\": 1,\n  \"title\": \"Cut")
        do {
            _ = try ArchiveReader.open(dir.path)
            Issue.record("expected an error")
        } catch {
            #expect(error == .malformedJSON(path: dir.path + "/archive.json", line: 3, column: 12, reason: "string is not closed"))
            #expect(error.description == "\(dir.path)/archive.json:3:12: malformed JSON: string is not closed")
        }
    }

    @Test func missingArchiveIsAOneLineError() {
        #expect(throws: ArchiveError.notFound(path: "/nonexistent/steppe")) { try ArchiveReader.open("/nonexistent/steppe") }
        #expect(!ArchiveError.notFound(path: "/x").description.contains("\n"))
    }

    @Test func groupsCountDistinctArticlesOfTheirChildren() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines = [
            Fixtures.line(id: "a", regions: ["kazakhstan", "kyrgyzstan"]),
            Fixtures.line(id: "b", regions: ["central-asia"]),
            Fixtures.line(id: "c", regions: ["georgia"]),
        ]
        let library = try ArchiveReader.open(try scratch.folderArchive(lines).path)
        let t = library.catalogue.taxonomy
        #expect(library.catalogue.count(in: t.index(of: "central-asia", in: .regions)!) == 2)
        #expect(library.catalogue.count(in: t.index(of: "kazakhstan", in: .regions)!) == 1)
        #expect(library.catalogue.count(in: t.roots[1]) == 3)
        #expect(library.catalogue.count(in: t.allArticles) == 3)
    }
}

@Suite struct CustomTaxonomyTests {
    @Test func anArchiveMayBringItsOwnTaxonomy() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let metadata = #"""
            {"formatVersion": 1, "title": "Rivers", "taxonomy": {
              "regions": [{"slug": "amu-darya-basin", "name": "Amu Darya basin", "children": [
                  {"slug": "vakhsh", "name": "Vakhsh", "nameRu": "Вахш"}, {"slug": "panj", "name": "Panj"}]}],
              "topics": [{"slug": "dams", "name": "Dams"}],
              "sections": []}}
            """#
        let dir = try scratch.folderArchive(
            [Fixtures.line(id: "a", regions: ["vakhsh"], topics: ["dams"]), Fixtures.line(id: "b", regions: ["panj", "kazakhstan"], topics: [])],
            metadata: metadata)
        let library = try ArchiveReader.open(dir.path)
        let t = library.catalogue.taxonomy
        #expect(t.index(of: "kazakhstan", in: .regions) == nil)
        #expect(library.catalogue.count(in: t.index(of: "amu-darya-basin", in: .regions)!) == 2)
        #expect(t[t.index(of: "vakhsh", in: .regions)!].nameRu == "Вахш")
        #expect(t[t.index(of: "panj", in: .regions)!].nameRu == "Panj")
        #expect(library.catalogue.issues.map(\.message) == ["regions: unknown slug 'kazakhstan'"])
        #expect(library.catalogue.issues.first?.severity == .warning)
    }

    @Test func validatorReportsSlugsUsedTwice() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let metadata = #"""
            {"formatVersion": 1, "title": "Twice", "taxonomy": {
              "regions": [{"slug": "x", "name": "X", "children": [{"slug": "x", "name": "X again"}]}],
              "topics": [], "sections": []}}
            """#
        let dir = try scratch.folderArchive([Fixtures.line(id: "a", regions: ["x"], topics: [])], metadata: metadata)
        let report = try ArchiveValidator.validate(dir.path)
        #expect(report.articleCount == 1)
        #expect(report.issues.map(\.description) == [
            "\(dir.path)/archive.json: taxonomy.regions[0].children[0]: slug 'x' is used twice in regions"
        ])
    }
}

@Suite struct BodyOnDemandTests {
    @Test func aBrokenBodyIsReportedWhenTheArticleIsOpened() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let line = Fixtures.line(id: "broken").replacingOccurrences(of: #""type":"quote""#, with: #""type":5"#)
        let dir = try scratch.folderArchive([Fixtures.line(id: "fine"), line])
        let library = try ArchiveReader.open(dir.path)
        // Indexing reads headers only, so the entry is listed…
        #expect(library.catalogue.headers.count == 2)
        let header = try #require(library.catalogue.header(id: "broken"))
        // …and opening it says what is wrong, and where.
        let error = #expect(throws: ArchiveError.self) { try library.bodies.article(header) }
        #expect(error?.description.hasPrefix(dir.path + "/articles.jsonl: line 2: 'body[1].type'") == true)
    }

    @Test func aBlockTypeFromANewerWriterIsShownAsAParagraphAndKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let line = Fixtures.line(id: "poem").replacingOccurrences(of: #""type":"quote""#, with: #""type":"poem""#)
        let dir = try scratch.folderArchive([line])
        let library = try ArchiveReader.open(dir.path)
        let article = try library.article(id: "poem")
        #expect(article.body[1].kind == .paragraph)
        #expect(article.body[1].unknownType == "poem")
        // Written back as it came.
        let encoded = String(decoding: try JSONEncoder().encode(article.body[1]), as: UTF8.self)
        #expect(encoded.contains(#""type":"poem""#))
        let report = try ArchiveValidator.validate(dir.path)
        #expect(report.articleCount == 1)
        #expect(report.issues.map(\.message) == [
            "body[1]: unknown block type 'poem', shown as a paragraph (known: paragraph, heading, quote, list-item)"
        ])
        #expect(report.issues.first?.severity == .warning)
        #expect(!report.hasErrors)
    }
}

@Suite struct FilesThatAreNotFilesTests {
    @Test func aFIFOADeviceOrAFolderIsNamedForWhatItIs() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let archive = try scratch.folderArchive([Fixtures.line(id: "a")])
        let articles = archive.appendingPathComponent("articles.jsonl")
        try FileManager.default.removeItem(at: articles)
        #expect(mkfifo(articles.path, 0o600) == 0)
        // Refused at once: opening a FIFO to read would otherwise wait for a writer forever.
        #expect(throws: ArchiveError.notAFile(path: articles.path, kind: .fifo)) { try ArchiveReader.open(archive.path) }
        #expect(throws: ArchiveError.notAFile(path: articles.path, kind: .fifo)) { try ArchiveValidator.validate(archive.path) }
        try FileManager.default.removeItem(at: articles)
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        #expect(throws: ArchiveError.notAFile(path: articles.path, kind: .directory)) { try ArchiveReader.open(archive.path) }
        #expect(throws: ArchiveError.notAFile(path: "/dev/null", kind: .characterDevice)) { try ArchiveReader.open("/dev/null") }
        #expect(ArchiveError.notAFile(path: "/x", kind: .fifo).description == "/x: is a FIFO (named pipe), not a file")
    }
}

@Suite struct MessagesThatSayWhatHappenedTests {
    @Test func aSingleFileWithoutArticlesSaysSo() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = try scratch.file("mine.json", #"{"formatVersion": 1, "title": "Mine"}"#)
        let error = #expect(throws: ArchiveError.self) { try ArchiveReader.open(file.path) }
        #expect(error?.description == "\(file.path): top level: a single-file archive needs an 'articles' array (a folder archive keeps them in a JSON Lines file beside archive.json)")
    }

    @Test func aTaxonomyMayLeaveFacetsOut() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let metadata = #"{"formatVersion": 1, "title": "T", "taxonomy": {"regions": [{"slug": "pamir", "name": "Pamir"}]}}"#
        let dir = try scratch.folderArchive([Fixtures.line(id: "a", regions: ["pamir"], topics: [])], metadata: metadata)
        let library = try ArchiveReader.open(dir.path)
        let taxonomy = library.catalogue.taxonomy
        #expect(taxonomy.index(of: "pamir", in: .regions) != nil)
        #expect(taxonomy.roots.map { taxonomy[$0].children.count } == [0, 1, 0, 0])
        #expect(library.catalogue.issues.isEmpty)
    }

    @Test func aFileRewrittenUnderTheReaderIsReportedAsChanged() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive([Fixtures.line(id: "first"), Fixtures.line(id: "second")])
        let library = try ArchiveReader.open(dir.path)
        let header = try #require(library.catalogue.header(id: "second"))
        // Another tool rewrites the file: the indexed line now starts in the middle of something else.
        _ = try scratch.folderArchive(["{\"note\": \"" + String(repeating: "x", count: 40) + "\"}", Fixtures.line(id: "other")])
        #expect(throws: ArchiveError.archiveChanged(path: dir.path + "/articles.jsonl", line: 2)) {
            try library.bodies.article(header)
        }
    }
}

@Suite struct EncodingErrorTests {
    @Test func invalidUTF8AndLoneSurrogatesAreLocated() {
        let bytes = Array("{\"a\":\n \"x".utf8) + [0xFF] + Array("\"}".utf8)
        #expect(JSONSyntaxLocator.locate(in: bytes) == .init(line: 2, column: 4, reason: "invalid UTF-8 (byte 0xFF)"))
        #expect(JSONSyntaxLocator.locate(in: Array(#"{"a": "\ud800x"}"#.utf8))
            == .init(line: 1, column: 8, reason: #"lone surrogate \uD800"#))
        #expect(JSONSyntaxLocator.locate(in: Array(#"{"a": "\ud83d\ude00 \\ud800"}"#.utf8)) == nil)
    }
}
