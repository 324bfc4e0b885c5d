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
        _ = s.reduce(.searchResults(text: "x", ids: ["panj", "caspian-ru"], problem: nil, isPartial: false))
        #expect(s.reader?.articleID == "panj")
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
