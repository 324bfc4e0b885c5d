import Foundation
import Testing

@testable import SteppeCore

@Suite struct NoteAnchorTests {
    let blocks = [
        "Tbilisi's metro opened in 1966, the fourth in the Soviet Union.",
        "Fares rose in 2019 for the first time in a decade, and again in 2023.",
        "The second line runs to the university; the fares there are the same.",
    ]

    @Test func aQuoteIsFoundWhereItWasMade() {
        let range = 0..<10  // "Fares rose"
        let anchor = NoteAnchor(blocks: blocks, block: 1, range: range)
        #expect(anchor.quote == "Fares rose")
        #expect(anchor.before == "")
        #expect(anchor.after == " in 2019 for the first time in a decade,")
        #expect(anchor.locate(in: blocks) == NoteAnchor.Placement(block: 1, range: range))
    }

    @Test func aQuoteFollowsItsParagraphWhenParagraphsAreAddedBefore() {
        let anchor = NoteAnchor(blocks: blocks, block: 1, range: 0..<10)
        let moved = ["A new opening paragraph.", "Another one."] + blocks
        #expect(anchor.locate(in: moved) == NoteAnchor.Placement(block: 3, range: 0..<10))
    }

    @Test func theContextChoosesBetweenTwoOccurrences() {
        // "the fares" occurs in block 2 only once, "fares" in blocks 1 (as "Fares") and 2.
        let start = blocks[2].distance(from: blocks[2].startIndex, to: blocks[2].range(of: "fares")!.lowerBound)
        let anchor = NoteAnchor(blocks: blocks, block: 2, range: start..<(start + 5))
        // The same words now also open a paragraph placed first: the context still finds the original.
        let edited = ["fares there are the same everywhere."] + blocks
        #expect(anchor.locate(in: edited) == NoteAnchor.Placement(block: 3, range: start..<(start + 5)))
    }

    @Test func aQuoteSurvivesTheTextAroundItBeingReworded() {
        let anchor = NoteAnchor(blocks: blocks, block: 1, range: 11..<18)  // "in 2019"
        let reworded = [blocks[0], "Prices went up in 2019, the first rise in ten years.", blocks[2]]
        let found = anchor.locate(in: reworded)
        #expect(found?.block == 1)
        #expect(found.map { Array(reworded[1])[$0.range!].map(String.init).joined() } == "in 2019")
    }

    @Test func aVanishedQuoteIsDetached() {
        let anchor = NoteAnchor(blocks: blocks, block: 1, range: 0..<10)
        #expect(anchor.locate(in: [blocks[0], "Fares were frozen.", blocks[2]]) == nil)
    }

    @Test func aParagraphNoteFindsTheParagraphThatOpensAsItDid() {
        let anchor = NoteAnchor(blocks: blocks, block: 2, range: nil)
        #expect(anchor.quote.isEmpty)
        #expect(anchor.locate(in: blocks) == NoteAnchor.Placement(block: 2, range: nil))
        #expect(anchor.locate(in: ["New first paragraph."] + blocks) == NoteAnchor.Placement(block: 3, range: nil))
        #expect(anchor.locate(in: [blocks[0], blocks[1], "A wholly new paragraph."]) == nil)
    }

    @Test func cyrillicAndCJKQuotesCountCharactersNotBytes() {
        let text = ["Чайхана в Душанбе: 霍尔果斯 и чай."]
        let anchor = NoteAnchor(blocks: text, block: 0, range: 19..<23)
        #expect(anchor.quote == "霍尔果斯")
        #expect(anchor.locate(in: text) == NoteAnchor.Placement(block: 0, range: 19..<23))
    }
}

@Suite struct WordsTests {
    @Test func wordsInEveryScript() {
        func words(_ text: String) -> [String] {
            let characters = Array(text)
            return Words.ranges(in: text).map { String(characters[$0]) }
        }
        #expect(words("Tbilisi's metro, opened in 1966 — well-loved.") == ["Tbilisi's", "metro", "opened", "in", "1966", "well-loved"])
        #expect(words("«Чайхана» в Душанбе") == ["Чайхана", "в", "Душанбе"])
        #expect(words("霍尔果斯 Khorgos") == ["霍", "尔", "果", "斯", "Khorgos"])
        #expect(words(" — ").isEmpty)
    }
}

@Suite struct UserSnapshotTests {
    let article = ArticleRef(id: "a", title: "A")

    @Test func applyingAChangeTwiceChangesNothingMore() {
        var once = UserSnapshot()
        let changes: [UserChange] = [
            .setBookmark(Bookmark(articleID: "a", createdAt: 5, labels: ["x"]), article),
            .saveNote(Note(id: "n", articleID: "a", text: "t", createdAt: 6, updatedAt: 6), article),
            .opened(articleID: "a", article, at: 7),
            .setPosition(articleID: "a", TextPosition(block: 2, offset: 10)),
        ]
        for change in changes { once.apply(change) }
        var twice = once
        for change in changes { twice.apply(change) }
        #expect(twice == once)
    }

    @Test func unconfirmedChangesCountAsTheNewestAndNeverHideAStamp() {
        var s = UserSnapshot()
        s.apply(.setBookmark(Bookmark(articleID: "old", createdAt: 1), article))
        s.apply(.setBookmark(Bookmark(articleID: "new", createdAt: 9), article))
        s.apply(.setBookmark(Bookmark(articleID: "pending"), article))
        #expect(s.bookmarkedIDs() == ["pending", "new", "old"])
        // Relabelling an existing bookmark without a stamp keeps the stamp it had.
        s.apply(.setBookmark(Bookmark(articleID: "old", labels: ["thesis"]), article))
        #expect(s.bookmarks["old"] == Bookmark(articleID: "old", createdAt: 1, labels: ["thesis"]))
        #expect(s.bookmarkedIDs(label: "thesis") == ["old"])
        s.apply(.opened(articleID: "x", article, at: 50))
        s.apply(.opened(articleID: "y", article, at: 40))
        s.apply(.setRead(articleID: "z", true))
        #expect(s.recentIDs() == ["x", "y"])
        // A replayed older stamp does not move the newer one back.
        s.apply(.opened(articleID: "x", article, at: 20))
        #expect(s.marks["x"]?.openedAt == 50)
    }

    @Test func storeProblemsAreWordedInTheInterfaceLanguage() {
        #expect(Strings(.russian).readOnlyStore(.damaged) == "Только чтение, изменения не сохраняются: файл повреждён")
        #expect(Strings.english.readOnlyStore(.folderNotWritable) == "Read-only, changes are not saved: its folder cannot be written to")
        #expect(Strings(.russian).notSaved(.sqlite("database is locked")) == "Не сохранено: database is locked")
    }

    @Test func labelsAreCleanedAndSorted() {
        #expect(Bookmark.parse(labels: " thesis , Follow up,,follow UP, \u{1B}[31mred") == ["[31mred", "Follow up", "thesis"])
    }
}

@Suite struct UserExportTests {
    let tbilisi = ArticleRef(id: "tbilisi", title: "Tbilisi metro", url: "https://example.org/t", published: PublishedDate(iso: "2019-03-02"), regions: ["georgia"])

    var export: UserExport {
        UserExport(
            articles: [tbilisi],
            bookmarks: [Bookmark(articleID: "tbilisi", createdAt: 10, labels: ["thesis"])],
            notes: [
                Note(id: "n1", articleID: "tbilisi", text: "Compare with Yerevan.\nAnd Baku.",
                     anchor: NoteAnchor(block: 1, quote: "Fares rose", before: "", after: " in 2019"), createdAt: 11, updatedAt: 12),
                Note(id: "n2", articleID: "tbilisi", text: "On the *whole* article", createdAt: 13, updatedAt: 13),
            ])
    }

    @Test func markdownGroupsNotesUnderTheirArticle() {
        var file = export
        file.notes.append(
            Note(id: "n3", articleID: "tbilisi", text: "A paragraph to come back to.",
                 anchor: NoteAnchor(block: 2, quote: "", before: "", after: "The second line runs"), createdAt: 14, updatedAt: 14))
        let text = NotesMarkdown.render(file, info: { _ in
            NotesMarkdown.ArticleInfo(title: "Tbilisi metro [fares]", published: PublishedDate(iso: "2019-03-02"),
                                      url: "https://example.org/t", regions: ["Georgia"], isMissing: false)
        }, strings: .english)
        #expect(text == """
            # Notes

            ## Tbilisi metro \\[fares\\]

            2 March 2019 · <https://example.org/t> · Georgia · Bookmarks: thesis

            *on the article*

            On the *whole* article

            > Fares rose

            Compare with Yerevan.\\
            And Baku.

            *paragraph 3: “The second line runs…”*

            A paragraph to come back to.

            """)
    }

    @Test func aLinkInMarkdownCarriesNothingATerminalWouldActOn() {
        let text = NotesMarkdown.render(export, info: { _ in
            NotesMarkdown.ArticleInfo(title: "T", published: nil, url: "https://e\u{1B}]52;c;ZXZpbA==\u{07}\n# hdr> x", regions: [], isMissing: true)
        }, strings: .english)
        #expect(text.contains("<https://e]52;c;ZXZpbA==%20#%20hdr%3E%20x>"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("*missing from archive*"))
    }

    @Test func duplicatesInsideTheFileAreMergedToo() {
        var file = export
        file.bookmarks.append(Bookmark(articleID: "tbilisi", createdAt: 10, labels: ["follow up"]))
        file.notes.append(Note(id: "copy", articleID: "tbilisi", text: file.notes[0].text, anchor: file.notes[0].anchor, createdAt: 20, updatedAt: 20))
        file.notes.append(Note(id: "n2", articleID: "tbilisi", text: "an older edit", createdAt: 13, updatedAt: 1))
        let changes = file.changes(mergingInto: UserSnapshot())
        #expect(changes == [
            .setBookmark(Bookmark(articleID: "tbilisi", createdAt: 10, labels: ["follow up", "thesis"]), tbilisi),
            .saveNote(export.notes[0], tbilisi),
            .saveNote(export.notes[1], tbilisi),
        ])
    }

    @Test func decodingRefusesWhatIsNotAnExport() throws {
        #expect(throws: UserExport.DecodeError.notAnExport) { try UserExport.decode(Data("{}".utf8)) }
        #expect(throws: UserExport.DecodeError.notAnExport) { try UserExport.decode(Data("not json".utf8)) }
        #expect(throws: UserExport.DecodeError.newerVersion(2)) {
            try UserExport.decode(Data(#"{"format":"steppe-notes","version":2}"#.utf8))
        }
        for version in [#""1""#, "1.5", "-1", "0"] {
            #expect(throws: UserExport.DecodeError.invalid("'version' must be a whole number, 1")) {
                try UserExport.decode(Data(#"{"format":"steppe-notes","version":\#(version)}"#.utf8))
            }
        }
        let broken = #"{"format":"steppe-notes","version":1,"articles":[],"bookmarks":[{"articleID":""}],"notes":[]}"#
        #expect(throws: UserExport.DecodeError.self) { try UserExport.decode(Data(broken.utf8)) }
        #expect(try UserExport.decode(export.encoded()) == export)
    }

    @Test func mergingAddsWhatIsNewAndSkipsDuplicates() {
        var snapshot = UserSnapshot()
        #expect(export.changes(mergingInto: snapshot).count == 3)
        for change in export.changes(mergingInto: snapshot) { snapshot.apply(change) }
        #expect(export.changes(mergingInto: snapshot).isEmpty)
        // The same note under another id is a duplicate; a newer edit of a note replaces it; labels merge.
        var other = export
        other.notes[0].id = "copy"
        other.notes[1].text = "Edited later"
        other.notes[1].updatedAt = 99
        other.bookmarks[0].labels = ["follow up"]
        let changes = other.changes(mergingInto: snapshot)
        #expect(changes == [
            .setBookmark(Bookmark(articleID: "tbilisi", createdAt: 10, labels: ["follow up", "thesis"]), tbilisi),
            .saveNote(other.notes[1], tbilisi),
        ])
    }
}
