import Foundation
import SteppeCore
import SteppeTestSupport
import Testing

@testable import SteppeViewModel

@Suite struct UserReducerTests {
    let library = TestLibrary.make()

    func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        var s = AppState(size: Size(width: width, height: height), archiveLabel: "test", catalogue: library.catalogue)
        _ = s.reduce(.userDataLoaded(UserSnapshot(), readOnlyReason: nil))
        return s
    }

    /// Opens the article with this id from "All articles".
    func open(_ id: String, in s: inout AppState) {
        s.press(.tab)
        let position = s.listEntries.indices.first { s.id(at: $0) == id }!
        for _ in 0..<position { s.press(.down) }
        s.press(.enter)
    }

    func type(_ text: String, into s: inout AppState) {
        for c in text { s.press(c == "\n" ? .enter : .char(c)) }
    }

    // MARK: Bookmarks

    @Test func starringBookmarksAtOnceAndAsksTheStoreToWrite() throws {
        var s = state()
        s.press(.tab)
        let id = s.id(at: 0)
        var expected = s
        let effects = s.reduce(.keyPressed(.char("s")))
        let change = UserChange.setBookmark(Bookmark(articleID: id), s.reference(for: id)!)
        #expect(effects == [.saveUserChange(change)])
        expected.user.apply(change)
        expected.notice = "Bookmarked"
        #expect(s == expected)
        // The store confirms it with a stamp; the notice is left alone.
        let stamped = UserChange.setBookmark(Bookmark(articleID: id, createdAt: 1_000), s.reference(for: id)!)
        _ = s.reduce(.userChangeSaved(change, stamped: stamped))
        #expect(s.user.pending.isEmpty)
        #expect(s.user.data.bookmarks[id]?.createdAt == 1_000)
    }

    @Test func theBookmarkListIsNewestFirstAndDAndUUndoARemoval() {
        var s = state()
        s.press(.tab, .char("s"), .down, .down, .char("s"))
        let first = s.id(at: 0)
        let third = s.id(at: 2)
        s.press(.backTab, .down, .down)  // Continue reading, Bookmarks
        #expect(s.menu.selected == .bookmarks)
        #expect(s.listEntries == .ids([third, first]))
        s.press(.tab)
        s.press(.char("d"))
        #expect(s.listEntries == .ids([first]))
        #expect(s.notice == "Bookmark removed (u puts it back)")
        s.press(.char("u"))
        #expect(s.listEntries == .ids([third, first]))
        #expect(s.user.pending.last == .setBookmark(Bookmark(articleID: third), s.reference(for: third)!))
        s.press(.char("u"))
        #expect(s.notice == "No removal to undo")
    }

    @Test func eachUndoPutsBackOneMoreRemoval() {
        var s = state()
        s.press(.tab, .char("s"), .down, .char("s"))
        s.press(.backTab, .down, .down, .tab)
        #expect(s.listEntries.count == 2)
        s.press(.char("d"), .char("d"))
        #expect(s.listEntries.count == 0)
        s.press(.char("u"), .char("u"))
        #expect(s.listEntries.count == 2)
        s.press(.char("u"))
        #expect(s.notice == "No removal to undo")
    }

    @Test func aPlaceInABookmarkListWaitsForTheBookmarks() throws {
        var s = AppState(size: Size(width: 120, height: 30), archiveLabel: "test")
        _ = s.reduce(.archiveOpened(library.catalogue))
        let place = Session(node: Session.Node(facet: nil, slug: "bookmarks"), articleID: "supra")
        // The place arrives before the bookmarks do: it is held, not lost.
        #expect(s.reduce(.sessionLoaded(place)) == [])
        #expect(s.isAwaitingSession)
        var data = UserSnapshot()
        data.apply(.setBookmark(Bookmark(articleID: "supra", createdAt: 1), ArticleRef(id: "supra", title: "The supra")))
        let effects = s.reduce(.userDataLoaded(data, readOnlyReason: nil))
        #expect(s.list.source == .bookmarks)
        #expect(s.reader?.articleID == "supra")
        #expect(effects.last == .loadArticle(id: "supra"))
    }

    @Test func anArticleNoLongerInTheArchiveOpensWithItsNotes() throws {
        var s = state()
        let gone = ArticleRef(id: "gone", title: "A vanished article", url: "https://example.org/gone")
        var data = UserSnapshot()
        data.apply(.saveNote(Note(id: "n", articleID: "gone", text: "still here",
                                  anchor: NoteAnchor(block: 2, quote: "words", before: "", after: ""), createdAt: 1, updatedAt: 1), gone))
        _ = s.reduce(.userDataLoaded(data, readOnlyReason: nil))
        s.press(.down, .down, .down, .tab)  // Notes
        #expect(s.listEntries == .ids(["gone"]))
        let effects = s.reduce(.keyPressed(.enter))
        #expect(!effects.contains(.loadArticle(id: "gone")))
        #expect(s.reader?.isMissing == true)
        #expect(s.reader?.notes.detached.map(\.id) == ["n"])
        let text = try #require(s.reader?.layout).lines.map(\.text)
        #expect(text.contains { $0.contains("A vanished article") })
        #expect(text.contains { $0.contains("still here") })
        #expect(!text.contains { $0.contains("1970") })
        // Its note can be reached and deleted like any other.
        s.press(.char("]"), .char("x"), .char("y"))
        #expect(s.user.data.notes(on: "gone").isEmpty)
    }

    @Test func labelsAreEditedInThePromptAndNarrowTheList() {
        var s = state()
        s.press(.tab, .char("L"))
        #expect(s.keyContext == .prompt)
        type("thesis, follow up", into: &s)
        // Q is text here, not quit.
        s.press(.char("Q"), .backspace, .enter)
        #expect(s.prompt == nil)
        let id = s.id(at: 0)
        #expect(s.user.data.bookmarks[id]?.labels == ["follow up", "thesis"])
        s.press(.down, .char("s"))
        s.press(.backTab, .down, .down, .right)  // Bookmarks, opened on its labels
        #expect(s.menuRows.map(\.item).contains(.label("thesis")))
        s.press(.down, .down)
        #expect(s.menu.selected == .label("thesis"))
        #expect(s.listEntries == .ids([id]))
        // Esc leaves the labels as they were.
        s.press(.tab, .char("L"), .ctrl("u"), .escape)
        #expect(s.user.data.bookmarks[id]?.labels == ["follow up", "thesis"])
    }

    // MARK: Reading marks

    @Test func openingMarksReadAndTheCountsFollow() {
        var s = state()
        let all = library.catalogue.taxonomy.allArticles
        #expect(s.readCounts[all] == 0)
        open("khorgos", in: &s)
        #expect(s.user.data.isRead("khorgos"))
        #expect(s.readCounts[all] == 1)
        #expect(s.readCounts[s.catalogue!.taxonomy.index(of: "central-asia", in: .regions)!] == 1)
        #expect(s.user.recentOrder == ["khorgos"])
        s.press(.char("m"))
        #expect(!s.user.data.isRead("khorgos"))
        #expect(s.readCounts[all] == 0)
        #expect(s.notice == "Marked unread")
    }

    @Test func anArticleReopensWhereTheReaderLeftIt() {
        var s = state(120, 20)
        open("panj", in: &s)
        for _ in 0..<15 { s.press(.down) }
        let anchor = s.reader!.anchor
        let effects = s.reduce(.keyPressed(.escape))
        #expect(effects == [.saveUserChange(.setPosition(articleID: "panj", TextPosition(block: anchor.block, offset: anchor.offset)))])
        s.press(.enter)
        #expect(s.reader?.anchor == anchor)
        #expect(s.reader?.topLine == 15)
    }

    // MARK: Notes

    @Test func aNoteOnAParagraphIsWrittenInTheEditorInRussianAndShownUnderIt() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("]"), .char("]"))
        #expect(s.reader?.cursor == 1)
        s.press(.char("a"))
        #expect(s.keyContext == .editor)
        #expect(s.draft?.place == "paragraph 2")
        type("Граница по Пянджу\nвторая строка", into: &s)
        #expect(s.draft?.editor.text == "Граница по Пянджу\nвторая строка")
        let effects = s.reduce(.keyPressed(.ctrl("s")))
        let note = try #require(s.user.data.notes(on: "panj").first)
        #expect(note.text == "Граница по Пянджу\nвторая строка")
        #expect(note.anchor == NoteAnchor(blocks: s.reader!.blocks, block: 1, range: nil))
        #expect(effects == [.saveUserChange(.saveNote(note, s.reference(for: "panj")!))])
        #expect(s.draft == nil)
        // Under its paragraph: a marker on the paragraph's first line, then the box.
        let lines = s.reader!.layout!.lines
        let first = try #require(lines.firstIndex { $0.anchor.block == 1 && !$0.spans.isEmpty })
        #expect(lines[first].marker == .note)
        #expect(lines.contains { $0.noteID == note.id && $0.text.contains("Граница по Пянджу") })
        // A hides the boxes, and shows them again.
        s.press(.char("A"))
        #expect(!s.reader!.layout!.lines.contains { $0.noteID != nil })
        s.press(.char("A"))
        #expect(s.reader!.layout!.lines.contains { $0.noteID != nil })
    }

    @Test func selectedWordsBecomeTheQuote() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("v"))
        #expect(s.keyContext == .selecting)
        s.press(.char("l"), .char("l"))
        #expect(s.reader?.selectedRange == 0..<17)  // "Paragraph 1 about": the first three words
        s.press(.char("a"))
        type("why the river?", into: &s)
        s.press(.escape)  // Esc saves
        let note = try #require(s.user.data.notes(on: "panj").first)
        #expect(note.anchor?.quote == "Paragraph 1 about")
        #expect(s.reader?.notes.onBlocks[0]?.first?.range == 0..<17)
    }

    @Test func discardingAChangedNoteAsksFirstAndDeletingAsksToo() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("a"))
        type("draft", into: &s)
        s.press(.ctrl("c"))
        #expect(s.confirmation?.action == .discardDraft)
        s.press(.char("n"))
        #expect(s.draft?.editor.text == "draft")
        s.press(.ctrl("c"), .char("y"))
        #expect(s.draft == nil)
        #expect(s.user.data.notes(on: "panj").isEmpty)
        // A note on the article as a whole is what x deletes when there is no cursor.
        s.press(.char("a"))
        type("keep?", into: &s)
        s.press(.ctrl("s"), .char("x"))
        #expect(s.confirmation?.question == "Delete this note?")
        // The Russian layout's н is y.
        s.press(.char("н"))
        #expect(s.user.data.notes(on: "panj").isEmpty)
        #expect(s.notice == "Note deleted")
    }

    @Test func theCursorStopsAtEveryNoteSoEachCanBeEditedOrDeleted() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("]"), .char("a"))
        type("first on paragraph 1", into: &s)
        s.press(.ctrl("s"))
        // After saving, the cursor is on the new note's box.
        let first = try #require(s.user.data.notes(on: "panj").first)
        #expect(s.reader?.cursorNote == first.id)
        s.press(.char("a"))
        type("second on paragraph 1", into: &s)
        s.press(.ctrl("s"))
        let second = try #require(s.user.data.notes(on: "panj").last)
        #expect(second.anchor?.block == 0)
        #expect(s.reader?.cursorNote == second.id)
        s.press(.char("e"))
        #expect(s.draft?.note.id == second.id)
        s.press(.escape, .char("["))
        #expect(s.reader?.cursorNote == first.id)
        s.press(.char("x"), .char("y"))
        #expect(s.user.data.notes(on: "panj").map(\.id) == [second.id])
        // With the boxes hidden the cursor is back on the paragraph.
        s.press(.char("]"), .char("A"))
        #expect(s.reader?.cursorNote == nil)
        #expect(s.reader?.cursor == 0)
        #expect(s.notice == "Notes hidden (A shows them)")
    }

    @Test func theHeadingIsTheCursorsStopForANoteOnTheWholeArticle() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("]"))
        #expect(s.reader?.cursor == 0)
        s.press(.char("["))
        #expect(s.reader?.cursor == -1)
        // The bar runs along the heading.
        #expect(s.reader!.layout!.lines.filter { s.reader!.isUnderCursor($0) }.first?.text == "The Panj: a river border")
        s.press(.char("a"))
        #expect(s.draft?.place == "the whole article")
        type("on all of it", into: &s)
        s.press(.ctrl("s"))
        let note = try #require(s.user.data.notes(on: "panj").first)
        #expect(note.anchor == nil)
        s.press(.char("["), .char("["))
        #expect(s.reader?.cursor == -1 && s.reader?.cursorNote == nil)
        s.press(.char("e"))
        #expect(s.draft?.note.id == note.id)
    }

    @Test func editingANoteKeepsItsIdAndAnEmptyNewNoteIsNotSaved() throws {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("]"), .char("a"))
        type("first", into: &s)
        s.press(.ctrl("s"), .char("e"))
        #expect(s.draft?.isNew == false)
        s.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        type("second", into: &s)
        s.press(.ctrl("s"))
        #expect(s.user.data.notes(on: "panj").map(\.text) == ["second"])
        s.press(.char("]"), .char("a"), .ctrl("s"))
        #expect(s.notice == "An empty note is not saved")
        #expect(s.user.data.notes(on: "panj").count == 1)
    }

    @Test func quittingWhileEditingSavesTheNote() {
        var s = state(100, 30)
        open("panj", in: &s)
        s.press(.char("a"))
        type("unfinished", into: &s)
        let effects = s.reduce(.terminalClosed)
        #expect(effects.contains { if case .saveUserChange(.saveNote(let note, _)) = $0 { note.text == "unfinished" } else { false } })
        #expect(effects.last == .quit)
    }

    @Test func aNoteWhoseQuoteIsGoneIsDetachedNotDropped() throws {
        var s = state(100, 30)
        let stale = Note(
            id: "old", articleID: "panj", text: "about a sentence that was rewritten",
            anchor: NoteAnchor(block: 3, quote: "a sentence no longer there", before: "", after: ""), createdAt: 1, updatedAt: 1)
        var snapshot = UserSnapshot()
        snapshot.apply(.saveNote(stale, ArticleRef(id: "panj", title: "The Panj")))
        _ = s.reduce(.userDataLoaded(snapshot, readOnlyReason: nil))
        open("panj", in: &s)
        #expect(s.reader?.notes.detached == [stale])
        let text = s.reader!.layout!.lines.map(\.text)
        #expect(text.contains("Detached notes: their quote is no longer in the text"))
        #expect(text.contains { $0.contains("about a sentence that was rewritten") })
    }

    // MARK: The store

    @Test func aSnapshotFromTheStoreKeepsTheChangesItHasNotConfirmed() {
        var s = state()
        s.press(.tab, .char("s"))
        let id = s.id(at: 0)
        // Another process added a bookmark; ours is not written yet.
        var other = UserSnapshot()
        other.apply(.setBookmark(Bookmark(articleID: "supra", createdAt: 5), s.reference(for: "supra")!))
        _ = s.reduce(.userDataLoaded(other, readOnlyReason: nil))
        #expect(Set(s.user.data.bookmarks.keys) == [id, "supra"])
    }

    @Test func aFailedWriteIsShownAndKeptAndAReadOnlyStoreWritesNothing() {
        var s = state()
        s.press(.tab)
        let effects = s.reduce(.keyPressed(.char("s")))
        guard case .saveUserChange(let change) = effects.first else {
            Issue.record("no write")
            return
        }
        _ = s.reduce(.userChangeFailed(change, reason: .sqlite("disk full")))
        #expect(s.notice == "Not saved: disk full")
        #expect(s.user.unsaved == [change])
        #expect(s.user.lastProblem == .sqlite("disk full"))
        #expect(s.user.data.bookmarks[s.id(at: 0)] != nil)

        var r = AppState(size: Size(width: 120, height: 40), archiveLabel: "test", catalogue: library.catalogue)
        _ = r.reduce(.userDataLoaded(UserSnapshot(), readOnlyReason: .damaged))
        r.press(.tab)
        #expect(r.reduce(.keyPressed(.char("s"))) == [])
        #expect(r.user.unsaved.count == 1)
        #expect(r.user.status == .readOnly(.damaged))
        #expect(r.notice == "Read-only, changes are not saved: damaged")
    }

    @Test func theLastPlaceCanBeABookmarkList() throws {
        var s = state(120, 20)
        s.press(.tab, .down, .char("s"), .backTab, .down, .down)
        let place = try #require(s.session)
        #expect(place.node == Session.Node(facet: nil, slug: "bookmarks"))
        var next = AppState(size: Size(width: 120, height: 20), archiveLabel: "test")
        _ = next.reduce(.archiveOpened(library.catalogue))
        _ = next.reduce(.userDataLoaded(s.user.data, readOnlyReason: nil))
        _ = next.reduce(.sessionLoaded(place))
        #expect(next.list.source == .bookmarks)
        #expect(next.listEntries.count == 1)
    }
}

@Suite struct TextEditorTests {
    @Test func wrapsByDisplayWidthInEveryScript() {
        var editor = TextEditor("Граница по Пянджу 霍尔果斯 border", width: 12)
        editor.layout(width: 12, visible: 5)
        let rows = editor.rows.map { String(editor.lines[$0.line][$0.start..<$0.end]) }
        #expect(rows == ["Граница по ", "Пянджу ", "霍尔果斯 ", "border"])
        #expect(editor.cursorPlace.row == 3)
        #expect(editor.cursorPlace.column == 6)
    }

    @Test func arrowsMoveByRowAndKeepTheirColumn() {
        var editor = TextEditor("abcdefgh\nab\nabcdefgh", width: 40)
        _ = editor.reduce(.up)
        #expect((editor.line, editor.column) == (1, 2))
        _ = editor.reduce(.up)
        #expect((editor.line, editor.column) == (0, 8))
        _ = editor.reduce(.home)
        #expect(editor.column == 0)
        _ = editor.reduce(.up)
        #expect((editor.line, editor.column) == (0, 0))
        _ = editor.reduce(.end)
        _ = editor.reduce(.right)
        #expect((editor.line, editor.column) == (1, 0))
    }

    @Test func codePointsTypedOneByOneJoinIntoOneCharacter() {
        var editor = TextEditor("", width: 40)
        _ = editor.reduce(.char("\u{1F1FA}"))
        _ = editor.reduce(.char("\u{1F1E6}"))
        #expect(editor.text == "🇺🇦")
        #expect(editor.column == 1)
        _ = editor.reduce(.char("x"))
        #expect(editor.reduce(.backspace) == .edited)
        #expect(editor.reduce(.backspace) == .edited)
        #expect(editor.text.isEmpty)
    }

    @Test func enterSplitsAndBackspaceAndDeleteJoin() {
        var editor = TextEditor("Душанбе", width: 40)
        _ = editor.reduce(.left)
        _ = editor.reduce(.left)
        #expect(editor.reduce(.enter) == .edited)
        #expect(editor.text == "Душан\nбе")
        #expect(editor.reduce(.backspace) == .edited)
        #expect(editor.text == "Душанбе")
        _ = editor.reduce(.end)
        _ = editor.insert("\nчай\r\nи\tхлеб\u{1B}")
        #expect(editor.text == "Душанбе\nчай\nи    хлеб")
        _ = editor.reduce(.up)
        _ = editor.reduce(.end)
        #expect(editor.reduce(.delete) == .edited)
        #expect(editor.text == "Душанбе\nчайи    хлеб")
    }
}
