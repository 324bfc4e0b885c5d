import SteppeCore
import SteppeTestSupport
import Testing

@testable import SteppeRendering
@testable import SteppeViewModel

/// Bookmarks, notes and the editor as the screen shows them.
@Suite struct UserScreenTests {
    let library = TestLibrary.make()

    /// A reader with two bookmarks (one of an article the archive no longer has), a read article and
    /// notes on the Panj: on a paragraph, on quoted words, on the whole article, and one detached.
    func state(_ width: Int, _ height: Int, strings: Strings = .english) -> AppState {
        var s = AppState(size: Size(width: width, height: height), archiveLabel: "test archive", catalogue: library.catalogue, strings: strings)
        var data = UserSnapshot()
        let panj = s.reference(for: "panj")!
        let gone = ArticleRef(id: "gone", title: "Кыргызстан: статья, которой больше нет", published: PublishedDate(iso: "2012-04-01"))
        data.apply(.setBookmark(Bookmark(articleID: "panj", createdAt: 20, labels: ["thesis"]), panj))
        data.apply(.setBookmark(Bookmark(articleID: "gone", createdAt: 10), gone))
        data.apply(.opened(articleID: "supra", s.reference(for: "supra")!, at: 5))
        let blocks = ArticleLayout.blockTexts(try! library.article(id: "panj"))
        let notes = [
            Note(id: "p", articleID: "panj", text: "Где граница?", anchor: NoteAnchor(blocks: blocks, block: 0, range: nil), createdAt: 1, updatedAt: 1),
            Note(id: "q", articleID: "panj", text: "霍尔果斯 too", anchor: NoteAnchor(blocks: blocks, block: 1, range: 12..<17), createdAt: 2, updatedAt: 2),
            Note(id: "w", articleID: "panj", text: "On the article as a whole", createdAt: 3, updatedAt: 3),
            Note(id: "d", articleID: "panj", text: "Its sentence was rewritten",
                 anchor: NoteAnchor(block: 4, quote: "no longer here", before: "", after: ""), createdAt: 4, updatedAt: 4),
            Note(id: "g", articleID: "gone", text: "kept", createdAt: 5, updatedAt: 5),
        ]
        for note in notes { data.apply(.saveNote(note, note.articleID == "gone" ? gone : panj)) }
        _ = s.reduce(.userDataLoaded(data, readOnlyReason: nil))
        return s
    }

    @Test func theBookmarkListWithCountsMarksAndAMissingArticle() {
        var s = state(100, 16)
        s.press(.down, .down)
        let grid = Screen.render(s)
        Golden.check(grid.lines, "bookmarks-100x16")
        // On a row that is not selected: the star and the note count have their roles, and a title
        // of an article no longer in the archive is dimmed.
        let row = s.layout.list!.y + 2
        let cells = grid.row(row)
        #expect(cells.first { $0.character == "★" }?.role == .bookmarkMarker)
        #expect(cells.first { $0.character == "✎" }?.role == .noteMarker)
        #expect(cells.first { $0.character == "К" }?.role == .dim)
        // An unread title stands out from a read one.
        s.press(.up, .up)
        let all = Screen.render(s)
        let supra = all.lines.firstIndex { $0.contains("The supra") }!
        let caspian = all.lines.firstIndex { $0.contains("Каспийское") }!
        #expect(all.row(supra).first { $0.character == "T" }?.role == .listTitle)
        #expect(all.row(caspian).first { $0.character == "К" }?.modifiers.contains(.unread) == true)
    }

    @Test func notesInTheArticlePane() {
        var s = state(100, 40)
        s.press(.tab)
        let panj = s.listEntries.indices.first { s.id(at: $0) == "panj" }!
        for _ in 0..<panj { s.press(.down) }
        // The cursor stops at the note on the article, paragraph 1, its note, then paragraph 2.
        s.press(.enter, .char("]"), .char("]"), .char("]"), .char("]"))
        #expect(s.reader?.cursor == 1 && s.reader?.cursorNote == nil)
        let grid = Screen.render(s)
        Golden.check(grid.lines, "article-notes-100x40")
        // The quoted words are underlined by their role, the cursor is in the margin.
        let text = s.layout.article!
        let quoteRow = grid.lines.firstIndex { $0.contains("Paragraph 2 about") }!
        let column = text.x + 1 + ArticlePaneView.margin + 12
        #expect(grid[column, quoteRow].role == .noteQuote)
        #expect(grid[text.x + 1, quoteRow].character == "▌")
        s.press(.char("G"))
        Golden.check(Screen.render(s).lines, "article-notes-end-100x40")
    }

    @Test func theEditorWrapsCyrillicAndCJKByWidth() {
        var s = state(80, 24, strings: Strings(.russian))
        s.press(.tab)
        let panj = s.listEntries.indices.first { s.id(at: $0) == "panj" }!
        for _ in 0..<panj { s.press(.down) }
        s.press(.enter, .char("]"), .char("v"), .char("l"), .char("a"))
        for c in "Граница по реке Пяндж — 霍尔果斯 и Хоргос, длинная строка для переноса по ширине" { s.press(.char(c)) }
        s.press(.enter)
        for c in "вторая" { s.press(.char(c)) }
        let grid = Screen.render(s)
        Golden.check(grid.lines, "editor-russian-80x24")
        for y in 0..<grid.size.height {
            var width = 0
            for cell in grid.row(y) where !cell.isContinuation { width += Int(cell.width) }
            #expect(width == 80)
        }
    }

    @Test func aConfirmationAndAReadOnlyStoreSpeakInTheStatusBar() {
        var s = state(100, 16)
        _ = s.reduce(.userDataLoaded(s.user.data, readOnlyReason: .sqlite("file is not a database")))
        #expect(Screen.render(s).lines[15].contains("Read-only, changes are not saved: file is not a database"))
        s.confirmation = Confirmation(question: "Delete this note?", action: .discardDraft)
        let status = Screen.render(s).lines[15]
        #expect(status.contains("Delete this note?"))
        #expect(status.hasSuffix("y yes  n/Esc no"))
    }

    @Test func theLabelPromptEditsInTheStatusBar() {
        var s = state(100, 16)
        s.press(.tab, .char("L"))
        for c in "thesis, чай" { s.press(.char(c)) }
        let status = Screen.render(s).lines[15]
        #expect(status.hasPrefix(" Labels (comma-separated): thesis, чай"), "\(status)")
        #expect(status.hasSuffix("Enter accept  Esc/Ctrl-C cancel"), "\(status)")
    }
}

@Suite struct MissingArticleNotesTests {
    @Test func notesOfAnArticleGoneFromTheArchiveSaySoAndNameTheirParagraphByItsOpening() throws {
        let article = try TestLibrary.make().article(id: "panj")
        let opening = "During the night demonstrators broke into the building and"
        let note = Note(
            id: "p", articleID: "panj", text: "Where was the police?",
            anchor: NoteAnchor(block: 0, quote: "", before: "", after: String(opening.prefix(NoteAnchor.contextLength))), createdAt: 1,
            updatedAt: 1)
        var notes = ArticleLayout.Notes()
        notes.detached = [note]
        let layout = ArticleLayout(
            article: article, taxonomy: TestLibrary.make().catalogue.taxonomy, width: 70, strings: .english, notes: notes,
            missing: .withDate)
        let text = layout.lines.map { $0.spans.map(\.text).joined() }
        #expect(text.contains("Your notes: this article is no longer in the archive"))
        #expect(!text.contains(Strings.english.detachedNotes))
        // The kept opening ends mid-word ("broke int"): the title stops at the last whole word.
        #expect(text.contains { $0.contains("on the paragraph “During the night demonstrators broke…”") })
    }
}

@Suite struct ArticleLinkTests {
    @Test func aLongLinkStaysOnOneLineInThePaneAndWholeInPlainText() throws {
        var article = try TestLibrary.make().article(id: "panj")
        article.url = "https://example.org/steppe-sample/a-very-long-address-of-an-article-about-the-panj-river-border"
        let taxonomy = TestLibrary.make().catalogue.taxonomy
        let pane = ArticleLayout(article: article, taxonomy: taxonomy, width: 40, strings: .english)
        let paneText = pane.lines.map { $0.spans.map(\.text).joined() }
        #expect(paneText.contains("https://example.org/steppe-sample/a-ver…"))
        #expect(!paneText.contains { $0.hasPrefix("ry-long") || $0.contains("panj-river-border") })
        let plain = ArticleLayout(article: article, taxonomy: taxonomy, width: 40, strings: .english, capped: false)
        #expect(plain.lines.map { $0.spans.map(\.text).joined() }.joined().contains("panj-river-border"))
    }

    @Test func aWrappedTagLineNeverStartsWithItsSeparator() throws {
        var article = try TestLibrary.make().article(id: "panj")
        article.regions = ["russia", "armenia", "belarus", "kazakhstan", "kyrgyzstan", "tajikistan"]
        article.topics = ["security", "politics"]
        let taxonomy = TestLibrary.make().catalogue.taxonomy
        for width in 20...60 {
            let layout = ArticleLayout(article: article, taxonomy: taxonomy, width: width, strings: .english)
            let text = layout.lines.prefix(8).map { $0.spans.map(\.text).joined() }
            #expect(!text.contains { $0.hasPrefix("·") }, "width \(width)")
        }
    }
}
