import SteppeCore
import SteppeTestSupport
import Testing

@testable import SteppeViewModel

/// The search line in the reader.
@Suite struct SearchReducerTests {
    func state() -> AppState {
        AppState(size: Size(width: 120, height: 40), archiveLabel: "test", catalogue: TestLibrary.make().catalogue)
    }

    @Test func slashOpensTheLineAndEachKeystrokeAsksForResults() {
        var s = state()
        #expect(s.reduce(.keyPressed(.char("/"))) == [])
        #expect(s.keyContext == .search)
        #expect(s.list.source == .searchResults)
        #expect(s.menuRows.map(\.item).prefix(2) == [s.allArticles, .searchResults])
        #expect(s.reduce(.keyPressed(.char("p"))) == [.search(SearchRequest(text: "p", limit: 100))])
        #expect(s.reduce(.keyPressed(.char("a"))) == [.search(SearchRequest(text: "pa", limit: 100))])
        // An answer to an older text is ignored; the latest fills the list.
        _ = s.reduce(.searchResults(text: "p", ids: ["caspian-ru"], problem: nil, isPartial: false))
        #expect(s.listEntries == .ids([]))
        _ = s.reduce(.searchResults(text: "pa", ids: ["panj"], problem: nil, isPartial: false))
        #expect(s.listEntries == .ids(["panj"]))
        #expect(s.path(of: .searchResults) == "Search: pa")
    }

    @Test func snippetsFollowTheirResultsAndResultsTakeTwoLines() {
        var s = state()
        s.press(.char("/"), .char("r"))
        let single = s.layout.contentHeight(of: .list)
        _ = s.reduce(.searchResults(text: "r", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        let panj = SearchSnippet(text: "the river", highlights: [4..<9])
        // Snippets of an older text are not this list's.
        _ = s.reduce(.searchSnippets(text: "x", snippets: ["panj": panj]))
        #expect(s.search?.snippets == [:])
        _ = s.reduce(.searchSnippets(text: "r", snippets: ["panj": panj]))
        #expect(s.search?.snippets == ["panj": panj])
        // A new answer keeps the snippets of results still in it until theirs arrive.
        s.press(.char("i"))
        _ = s.reduce(.searchResults(text: "ri", ids: ["caspian-ru"], problem: nil, isPartial: false))
        #expect(s.search?.snippets == [:])
        _ = s.reduce(.searchResults(text: "ri", ids: ["panj"], problem: nil, isPartial: false))
        #expect(s.search?.snippets == [:])
        _ = s.reduce(.searchSnippets(text: "ri", snippets: ["panj": panj]))
        s.press(.char("v"))
        _ = s.reduce(.searchResults(text: "riv", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        #expect(s.search?.snippets == ["panj": panj])
        #expect(s.listRowHeight == 2)
        #expect(s.visibleRows(.list) == s.layout.contentHeight(of: .list) / 2)
        #expect(s.visibleRows(.list) == single / 2)
        // A click on the second line of the second result selects that result.
        let list = s.layout.rect(of: .list)!
        _ = s.reduce(.mouse(MouseEvent(.press, x: list.x + 5, y: list.y + 1 + 3)))
        #expect(s.list.selected == 1)
    }

    @Test func enterOpensTheSelectedResultAndEscGoesBack() {
        var s = state()
        let origin = s.list.source
        s.press(.char("/"), .char("x"))
        _ = s.reduce(.searchResults(text: "x", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        s.press(.down, .enter)
        #expect(s.reader?.articleID == "caspian-ru")
        #expect(s.search?.isEditing == false)
        s.press(.escape)  // closes the article
        s.press(.char("/"))
        #expect(s.search?.field.text == "x")
        s.press(.escape)
        #expect(s.list.source == origin)
        // The search stays in the menu to go back to.
        #expect(s.menuRows.contains { $0.item == .searchResults })
    }

    @Test func enterBeforeTheResultsOpensTheBestWhenTheyArrive() {
        var s = state()
        s.press(.char("/"), .char("x"), .enter)
        #expect(s.reader == nil)
        // Nothing yet from an index still being built: keep waiting.
        _ = s.reduce(.searchResults(text: "x", ids: [], problem: nil, isPartial: true))
        #expect(s.reader == nil)
        _ = s.reduce(.searchResults(text: "x", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        #expect(s.reader?.articleID == "panj")
    }

    @Test func slashFromTheResultsRefinesAndFromElsewhereStartsAfresh() {
        var s = state()
        let origin = s.list.source
        s.press(.char("/"), .char("x"))
        _ = s.reduce(.searchResults(text: "x", ids: ["panj"], problem: nil, isPartial: false))
        s.press(.escape)
        #expect(s.list.source == origin)
        // From the list it came from: a new, empty search.
        s.press(.char("/"))
        #expect(s.search?.field.text == "")
        #expect(s.search?.origin == origin)
        s.press(.char("y"))
        _ = s.reduce(.searchResults(text: "y", ids: ["panj"], problem: nil, isPartial: false))
        s.press(.enter, .escape)
        // Back at the results from an article opened from them: the same search, to refine.
        #expect(s.list.source == .searchResults)
        s.press(.char("/"))
        #expect(s.keyContext == .search)
        #expect(s.search?.field.text == "y")
    }

    @Test func givingUpANewSearchEmptyPutsThePreviousOneBack() {
        var s = state()
        s.press(.char("/"), .char("x"))
        _ = s.reduce(.searchResults(text: "x", ids: ["panj"], problem: nil, isPartial: false))
        s.press(.escape)
        let before = s.search
        s.press(.char("/"), .escape)
        #expect(s.search == before)
        #expect(s.menuRows.contains { $0.item == .searchResults })
        #expect(s.replacedSearch == nil)
    }

    @Test func aQueryWithAMistakeHasNoResults() {
        var s = state()
        s.press(.char("/"), .char("y"))
        _ = s.reduce(.searchResults(text: "y", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        s.press(.char(" "), .char("r"), .char(":"))
        _ = s.reduce(.searchResults(text: "y r:", ids: [], problem: .unknownFilter("r"), isPartial: false))
        #expect(s.listEntries == .ids([]))
        s.press(.enter)
        #expect(s.reader == nil)
    }

    @Test func escBeforeTheResultsArriveCancelsTheEnterBeforeIt() {
        var s = state()
        s.press(.char("/"), .char("x"))
        var typed = s
        s.press(.enter)
        #expect(s.keyContext == .search)
        #expect(s.search?.opensWhenAnswered == true)
        s.press(.escape)
        _ = s.reduce(.searchResults(text: "x", ids: ["panj"], problem: nil, isPartial: false))
        // As if Esc had come before Enter: the search closed, its results kept, nothing opened.
        typed.press(.escape)
        _ = typed.reduce(.searchResults(text: "x", ids: ["panj"], problem: nil, isPartial: false))
        #expect(s == typed)
        #expect(s.reader == nil)
    }

    @Test func resultsSoFarGrowWithTheIndexAndEnterWaitsForThem() {
        var s = state()
        s.press(.char("/"), .char("x"))
        _ = s.reduce(.searchResults(text: "x", ids: [], problem: nil, isPartial: true))
        // Each step of the index asks again, while the list is not full.
        #expect(s.reduce(.searchIndexProgressed(done: 256, total: 5000)) == [.search(SearchRequest(text: "x", limit: 100))])
        // Enter on nothing found so far waits for what the index finds next.
        s.press(.enter)
        #expect(s.search?.opensWhenAnswered == true)
        #expect(s.keyContext == .search)
        _ = s.reduce(.searchResults(text: "x", ids: ["panj"], problem: nil, isPartial: true))
        #expect(s.reader?.articleID == "panj")
        // A finished index asks no more.
        var done = state()
        done.press(.char("/"), .char("x"))
        _ = done.reduce(.searchResults(text: "x", ids: [], problem: nil, isPartial: false))
        #expect(done.reduce(.searchIndexProgressed(done: 256, total: 5000)) == [])
    }

    @Test func aFullPageOfResultsSaysThereMayBeMore() {
        var s = state()
        s.press(.char("/"), .char("x"))
        _ = s.reduce(.searchResults(text: "x", ids: Array(repeating: "panj", count: AppState.searchLimit - 1), problem: nil, isPartial: false))
        #expect(!s.hasMoreResults)
        s.press(.char("y"))
        _ = s.reduce(.searchResults(text: "xy", ids: Array(repeating: "panj", count: AppState.searchLimit), problem: nil, isPartial: false))
        #expect(s.hasMoreResults)
    }

    @Test func pageKeysPageThroughTheResultsWhileTyping() {
        var s = AppState(size: Size(width: 120, height: 12), archiveLabel: "test", catalogue: TestLibrary.make().catalogue)
        s.press(.char("/"), .char("x"))
        let ids = ["panj", "caspian-ru", "panj", "caspian-ru", "panj", "caspian-ru", "panj", "caspian-ru"]
        _ = s.reduce(.searchResults(text: "x", ids: ids, problem: nil, isPartial: false))
        let page = s.visibleRows(.list)
        s.press(.pageDown)
        #expect(s.list.selected == page)
        #expect(s.keyContext == .search)
        s.press(.pageUp)
        #expect(s.list.selected == 0)
    }

    @Test func filtersOnTheReadersOwnListsTravelWithTheRequest() {
        var s = state()
        _ = s.reduce(.userDataLoaded(UserSnapshot(articles: [], bookmarks: [Bookmark(articleID: "panj", createdAt: 1)], notes: [], marks: []), readOnlyReason: nil))
        s.press(.char("/"))
        var effects: [Effect] = []
        for c in "is:bookmarked" { effects = s.reduce(.keyPressed(.char(c))) }
        #expect(effects == [.search(SearchRequest(text: "is:bookmarked", limit: 100, bookmarked: ["panj"]))])
    }

    @Test func aMistakeIsKeptWithTheTextAndAnEmptyLineClosesTheSearch() {
        var s = state()
        s.press(.char("/"), .char("q"))
        _ = s.reduce(.searchResults(text: "q", ids: [], problem: .unknownFilter("regoin"), isPartial: false))
        #expect(s.search?.problem == .unknownFilter("regoin"))
        s.press(.backspace, .escape)
        #expect(s.search == nil)
        #expect(!s.menuRows.contains { $0.item == .searchResults })
    }
}

/// A search inside the open article, like less.
@Suite struct ArticleFindTests {
    func reading() -> AppState {
        var s = AppState(size: Size(width: 120, height: 40), archiveLabel: "test", catalogue: TestLibrary.make().catalogue)
        s.press(.tab)
        while s.id(at: s.list.selected) != "panj" { s.press(.down) }
        s.press(.enter)
        return s
    }

    @Test func matchesFollowTheTypingAndNGoesRoundThem() {
        var s = reading()
        s.press(.char("/"))
        #expect(s.keyContext == .finding)
        for c in "RIVER" { s.press(.char(c)) }
        // Case aside, once per paragraph of the twelve.
        #expect(s.reader?.find?.matches.count == 12)
        #expect(s.reader?.find?.matches.first == ArticleFind.Match(block: 0, range: 22..<27))
        s.press(.enter)
        #expect(s.keyContext == .found)
        #expect(s.reader?.find?.current == 0)
        s.press(.char("N"))
        #expect(s.reader?.find?.current == 11)
        // Going round the start is said, as in less.
        #expect(s.reader?.find?.hasWrapped == true)
        s.press(.char("n"))
        #expect(s.reader?.find?.current == 0)
        #expect(s.reader?.find?.hasWrapped == true)
        s.press(.char("n"))
        #expect(s.reader?.find?.current == 1)
        #expect(s.reader?.find?.hasWrapped == false)
        #expect(Strings.english.findPosition("river", 12, 12, wrapped: true) == "“river” 12/12 (from the end again)")
        // Article keys still work while the search is on.
        #expect(s.keyMap.command(for: .pageDown, in: s.keyContext) == .pageDown)
        s.press(.escape)
        #expect(s.reader?.find == nil)
        #expect(s.keyMap.command(for: .char("n"), in: s.keyContext) == .nextArticle)
    }

    @Test func textThatIsNotThereIsSaidAndEndsTheSearch() {
        var s = reading()
        s.press(.char("/"), .char("q"), .char("z"), .enter)
        #expect(s.reader?.find == nil)
        #expect(s.notice == s.strings.findNotFound("qz"))
    }
}
