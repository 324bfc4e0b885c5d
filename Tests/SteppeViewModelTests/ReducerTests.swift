import Foundation
import SteppeCore
import SteppeTestSupport
import Testing

@testable import SteppeViewModel

@Suite struct ReducerTests {
    let library = TestLibrary.make()

    func state(_ width: Int = 120, _ height: Int = 40) -> AppState {
        AppState(size: Size(width: width, height: height), archiveLabel: "test", catalogue: library.catalogue)
    }

    @Test func startsOnAllArticlesWithFacetsOpen() {
        let s = state()
        #expect(s.focus == .menu)
        #expect(s.menu.selected == s.allArticles)
        // All articles, Continue reading, Bookmarks, Notes, then each facet with its open children.
        #expect(s.menuRows.count == 1 + 3 + 1 + 5 + 1 + 5 + 1 + 3)
        #expect(s.listEntries.count == 4)
    }

    @Test func movingInTheMenuShowsThatNodesArticles() {
        var s = state()
        s.press(AppState.downToRegions)
        #expect(s.menu.selected == s.regionsRoot)
        s.press(.down, .right)  // Caucasus, expanded
        #expect(s.menu.expanded.contains(s.node("caucasus", .regions)))
        s.press(.down, .down, .down)  // Armenia, Azerbaijan, Georgia
        #expect(s.menu.selected == s.node("georgia", .regions))
        #expect(s.listEntries.indices.map(s.id(at:)) == ["supra"])
        #expect(s.list.source == s.node("georgia", .regions))
        #expect(s.list.selected == 0)
    }

    @Test func eachListKeepsItsPlaceWhenTheMenuMovesOn() {
        var s = state()
        s.press(.tab, .down, .down)
        #expect(s.list.selected == 2)
        s.press(.backTab, .down)
        #expect(s.list.selected == 0)
        s.press(.up)
        #expect(s.list.source == s.allArticles)
        #expect(s.list.selected == 2)
    }

    @Test func leftCollapsesThenClimbsToTheParent() {
        var s = state()
        s.press(AppState.downToRegions + [.down, .right, .down])  // Armenia under an open Caucasus
        #expect(s.menu.selected == s.node("armenia", .regions))
        s.press(.left)
        #expect(s.menu.selected == s.node("caucasus", .regions))
        s.press(.left)
        #expect(!s.menu.expanded.contains(s.node("caucasus", .regions)))
    }

    @Test func selectingPastTheEndsStaysPut() {
        var s = state()
        s.press(.up, .up)
        #expect(s.menu.selected == s.allArticles)
        s.press(.tab)
        s.press(.end, .down, .down)
        #expect(s.list.selected == 3)
        s.press(.home, .up)
        #expect(s.list.selected == 0)
    }

    @Test func tabCyclesTheVisiblePanes() {
        var s = state()
        s.press(.tab)
        #expect(s.focus == .list)
        s.press(.tab)
        #expect(s.focus == .menu)
        s.press(.backTab)
        #expect(s.focus == .list)
    }

    @Test func openingAnArticleAsksForItsTextThenShowsIt() throws {
        var s = state()
        s.press(.tab)
        let id = s.id(at: 0)
        let effects = s.reduce(.keyPressed(.enter))
        #expect(effects == s.openingEffects(id))
        #expect(s.reader?.content == .loading)
        #expect(s.focus == .article)
        _ = s.reduce(.articleLoaded(try library.article(id: id)))
        #expect(s.reader?.layout != nil)
        // A late answer for another article changes nothing.
        let before = s
        _ = s.reduce(.articleLoaded(try library.article(id: s.id(at: 1))))
        #expect(s == before)
    }

    @Test func nextAndPreviousFollowTheList() {
        var s = state()
        s.press(.tab, .enter, .char("n"))
        #expect(s.reader?.origin.position == 1)
        #expect(s.list.selected == 1)
        s.press(.char("p"), .char("p"))
        #expect(s.reader?.origin.position == 0)
    }

    @Test func escapeAndQGoBackOneLevelAndQQuits() throws {
        var s = state()
        s.press(.tab, .enter)
        s.press(.escape)
        #expect(s.reader == nil)
        #expect(s.focus == .list)
        s.press(.char("q"))
        #expect(s.focus == .menu)
        #expect(!s.isQuitting)
        let place = try #require(s.session)
        #expect(s.reduce(.keyPressed(.char("q"))) == [.saveSession(place), .quit])
        var t = state()
        t.press(.tab, .enter)
        #expect(t.reduce(.keyPressed(.char("Q"))) == [.saveSession(t.session!), .quit])
    }

    @Test func articleScrollingIsClampedToTheText() throws {
        var s = state(120, 20)
        let panj = try #require(s.listEntries.indices.firstIndex { s.id(at: $0) == "panj" })
        s.press(.tab)
        for _ in 0..<panj { s.press(.down) }
        s.press(.enter)
        let lines = s.reader!.lineCount
        let visible = s.layout.contentHeight(of: .article)
        #expect(lines > visible)
        s.press(.char("G"))
        #expect(s.reader!.topLine == lines - visible)
        s.press(.char(" "))
        #expect(s.reader!.topLine == lines - visible)
        s.press(.char("g"), .up)
        #expect(s.reader!.topLine == 0)
        s.press(.char(" "))
        #expect(s.reader!.topLine == visible - 1)
    }

    @Test func resizeKeepsTheParagraphAtTheTop() throws {
        var s = state(120, 20)
        let panj = try #require(s.listEntries.indices.firstIndex { s.id(at: $0) == "panj" })
        s.press(.tab)
        for _ in 0..<panj { s.press(.down) }
        s.press(.enter)
        for _ in 0..<14 { s.press(.down) }
        let anchor = s.reader!.anchor
        let topBlock = s.reader!.layout!.lines[s.reader!.topLine].anchor.block
        _ = s.reduce(.resized(Size(width: 80, height: 24)))
        #expect(s.layout.mode == .stacked)
        #expect(s.reader!.layout!.width == 76)
        let newTop = s.reader!.layout!.lines[s.reader!.topLine]
        #expect(newTop.anchor.block == topBlock)
        #expect(newTop.anchor <= anchor)
        _ = s.reduce(.resized(Size(width: 200, height: 16)))
        #expect(s.reader!.layout!.lines[s.reader!.topLine].anchor.block == topBlock)
    }

    @Test func listScrollFollowsTheSelectionAndSurvivesShrinking() {
        var s = AppState(size: Size(width: 120, height: 12), archiveLabel: "t", catalogue: TestLibrary.make(extra: 50).catalogue)
        s.press(.tab)
        for _ in 0..<30 { s.press(.down) }
        let visible = s.layout.contentHeight(of: .list)
        #expect(s.list.selected == 30)
        #expect(s.list.scroll == 30 - visible + 1)
        _ = s.reduce(.resized(Size(width: 120, height: 10)))
        let smaller = s.layout.contentHeight(of: .list)
        #expect(s.list.selected >= s.list.scroll && s.list.selected < s.list.scroll + smaller)
        s.press(.pageDown)
        #expect(s.list.selected == 30 + smaller)
    }

    @Test func whileTooSmallKeysMoveNothingUnseenAndQuitStillWorks() throws {
        var s = state()
        s.press(.tab, .enter)
        _ = s.reduce(.resized(Size(width: 30, height: 8)))
        #expect(s.layout.mode == .tooSmall)
        let hidden = s
        // G in an article with no rows to show once crashed on an index past the end.
        s.press(.char("G"), .end, .down, .char("n"), .tab)
        #expect(s == hidden)
        _ = s.reduce(.resized(Size(width: 100, height: 30)))
        #expect(s.layout.mode == .wide)
        #expect(s.reader?.topLine == 0)
        #expect(s.reduce(.keyPressed(.char("Q"))) == [.saveSession(try #require(s.session)), .quit])
    }

    @Test func mouseClickSelectsThenOpensAndWheelScrolls() {
        var s = state()
        let list = s.layout.list!
        s.run(.mouse(MouseEvent(.press, x: list.x + 5, y: list.y + 3)))
        #expect(s.focus == .list)
        #expect(s.list.selected == 2)
        s.run(.mouse(MouseEvent(.press, x: list.x + 5, y: list.y + 3)))
        #expect(s.reader?.origin.position == 2)
        let menu = s.layout.menu!
        s.run(.mouse(MouseEvent(.wheelDown, x: menu.x + 1, y: menu.y + 2)))
        #expect(s.menu.selected == s.menuRows[3].item)
    }

    @Test func theWheelScrollsTheHelp() {
        var s = state()
        s.press(.char("?"))
        s.run(.mouse(MouseEvent(.wheelDown, x: 5, y: 5)))
        #expect(s.help?.scroll == 3)
        s.run(.mouse(MouseEvent(.wheelUp, x: 5, y: 5)))
        #expect(s.help?.scroll == 0)
    }

    @Test func aClickOnAMenuGroupTogglesIt() {
        var s = state()
        let menu = s.layout.menu!
        guard let row = s.menuRows.firstIndex(where: { $0.hasChildren && $0.depth == 0 }) else {
            Issue.record("no group in the menu")
            return
        }
        let expanded = s.menuRows[row].isExpanded
        let y = menu.y + 1 + row - s.menu.scroll
        s.run(.mouse(MouseEvent(.press, x: menu.x + 2, y: y)))
        #expect(s.menuRows[row].isExpanded == !expanded)
        #expect(s.menu.selected == s.menuRows[row].item)
        s.run(.mouse(MouseEvent(.press, x: menu.x + 2, y: y)))
        #expect(s.menuRows[row].isExpanded == expanded)
    }

    @Test func tGoesRoundTheThemesAndABrokenOneLeavesTheRound() {
        var s = state()
        s.themeNames = ["default", "light", "solarized-dark"]
        s.themeName = "light"
        // A key ends the wait for the last session's place; that is not what is tested here.
        s.isAwaitingSession = false
        var expected = s
        #expect(s.reduce(.keyPressed(.char("T"))) == [.applyTheme("solarized-dark")])
        expected.themeName = "solarized-dark"
        expected.notice = "Theme: solarized-dark (3/3; T for the next)"
        #expect(s == expected)
        #expect(s.reduce(.keyPressed(.char("T"))) == [.applyTheme("default")])
        _ = s.reduce(.themeFailed(name: "default", reason: "default.json:3: styles.body: unknown colour 'mauve'"))
        // Still drawn with solarized-dark, the one before: T goes on from there.
        expected.themeName = "solarized-dark"
        expected.themeNames = ["light", "solarized-dark"]
        expected.notice = "default.json:3: styles.body: unknown colour 'mauve'"
        #expect(s == expected)
        #expect(s.reduce(.keyPressed(.char("T"))) == [.applyTheme("light")])
    }

    @Test func helpOpensOverEverythingAndScrolls() {
        var s = state(100, 14)
        s.press(.char("?"))
        #expect(s.keyContext == .help)
        s.press(.pageDown)
        #expect(s.help!.scroll == s.helpVisibleRows)
        s.press(.escape)
        #expect(s.help == nil)
    }

    @Test func keysTypedWhileLoadingAreReplayedAndQuitIsImmediate() {
        var s = AppState(size: Size(width: 100, height: 30), archiveLabel: "big")
        for key in AppState.downToRegions + [.tab] { #expect(s.reduce(.keyPressed(key)).isEmpty) }
        #expect(s.pendingKeys == AppState.downToRegions + [.tab])
        _ = s.reduce(.archiveProgressed(bytesDone: 5, bytesTotal: 10))
        #expect(s.archive == .opening(bytesDone: 5, bytesTotal: 10))
        let effects = s.reduce(.archiveOpened(library.catalogue))
        #expect(effects == [])
        #expect(s.menu.selected == s.regionsRoot)
        #expect(s.focus == .list)
        #expect(s.pendingKeys.isEmpty)
        var t = AppState(size: Size(width: 100, height: 30), archiveLabel: "big")
        #expect(t.reduce(.keyPressed(.char("q"))) == [.quit])
        #expect(t.isQuitting)
    }

    @Test func quittingSavesThePlaceAndTheNextStartReturnsToIt() throws {
        var s = state(120, 20)
        s.press(AppState.downToRegions + [.down, .down, .right, .down])  // Regions › Central Asia › Kazakhstan
        #expect(s.list.source == s.node("kazakhstan", .regions))
        s.press(.tab, .down, .enter)
        for _ in 0..<3 { s.press(.down) }
        let place = try #require(s.session)
        #expect(place == Session(
            node: Session.Node(facet: "regions", slug: "kazakhstan"), articleID: s.reader!.articleID,
            anchor: s.reader!.anchor))
        // The article fits the pane, so there is no place in it to remember beyond the session.
        #expect(s.reader?.anchor == .top)
        #expect(s.reduce(.keyPressed(.char("Q"))) == [.saveSession(place), .quit])

        var next = AppState(size: Size(width: 120, height: 20), archiveLabel: "test")
        #expect(next.reduce(.archiveOpened(library.catalogue)) == [.loadSession])
        let effects = next.reduce(.sessionLoaded(place))
        #expect(effects == next.openingEffects(place.articleID!))
        next.run(.articleLoaded(try library.article(id: place.articleID!)))
        #expect(next.session == place)
        #expect(next.reader?.topLine == s.reader?.topLine)
        #expect(next.menu.selected == s.menu.selected)
        #expect(next.menu.expanded.isSuperset(of: [s.node("central-asia", .regions), next.regionsRoot]))
    }

    @Test func aKeyBeforeTheSessionArrivesWinsAndAStalePlaceIsIgnored() {
        var s = AppState(size: Size(width: 120, height: 20), archiveLabel: "test")
        _ = s.reduce(.archiveOpened(library.catalogue))
        s.press(.down)
        let moved = s
        let place = Session(node: Session.Node(facet: "regions", slug: "georgia"), articleID: "supra")
        #expect(s.reduce(.sessionLoaded(place)).isEmpty)
        #expect(s == moved)
        var t = AppState(size: Size(width: 120, height: 20), archiveLabel: "test")
        _ = t.reduce(.archiveOpened(library.catalogue))
        var expected = t
        expected.isAwaitingSession = false
        let gone = Session(node: Session.Node(facet: "regions", slug: "atlantis"), articleID: "nope")
        #expect(t.reduce(.sessionLoaded(gone)).isEmpty)
        #expect(t == expected)
    }

    @Test func anUnboundAltKeyIsEscThenTheKey() {
        var s = state()
        s.press(.tab, .enter)
        var t = s
        s.press(.alt("h"))
        t.press(.escape, .char("h"))
        #expect(s == t)
        #expect(s.focus == .menu)
        // Esc typed just before an arrow arrives as Alt-↓: the article closes and the list moves on.
        var u = state()
        u.press(.tab, .enter, KeyPress(.down, .alt))
        #expect(u.reader == nil)
        #expect(u.list.selected == 1)
    }

    @Test func aRussianKeyboardLayoutDrivesTheSameKeys() {
        var s = state()
        var t = state()
        s.press(.char("о"), .char("о"), .char("д"))  // о is j, д is l: down, down, expand
        t.press(.char("j"), .char("j"), .char("l"))
        #expect(s == t)
        #expect(s.reduce(.keyPressed(.char("й"))) == [.saveSession(s.session!), .quit])
        var t2 = state()
        t2.press(.char("ж"))  // ; on a Latin layout, bound to nothing: named as typed
        #expect(t2.notice == "ж does nothing here — ? lists the keys")
    }

    @Test func scrollingBeforeTheTextArrivesHappensWhenItDoes() throws {
        var s = state(120, 20)
        let panj = try #require(s.listEntries.indices.first { s.id(at: $0) == "panj" })
        s.press(.tab)
        for _ in 0..<panj { s.press(.down) }
        #expect(s.reduce(.keyPressed(.enter)) == s.openingEffects("panj"))
        #expect(s.reduce(.keyPressed(.char(" "))).isEmpty)
        #expect(s.reduce(.keyPressed(.down)).isEmpty)
        #expect(s.pendingKeys == [.char(" "), .down])
        _ = s.reduce(.articleLoaded(try library.article(id: "panj")))
        #expect(s.pendingKeys.isEmpty)
        let page = s.layout.contentHeight(of: .article) - 1
        #expect(s.reader?.topLine == page + 1)
    }

    @Test func aTerminalThatGoesAwayEndsLikeQuit() {
        var s = state()
        s.press(.down)
        let place = s.session!
        #expect(s.reduce(.terminalClosed) == [.saveSession(place), .quit])
        #expect(s.isQuitting)
    }

    @Test func theLinkOpensOrIsCopiedFromTheListAndTheArticle() {
        var s = state()
        s.press(.tab, .down)
        let url = s.reference(for: s.id(at: 1))!.url
        #expect(s.reduce(.keyPressed(.char("o"))) == [.openLink(url)])
        s.press(.enter)
        var expected = s
        expected.notice = "Link sent to the terminal's clipboard"
        #expect(s.reduce(.keyPressed(.char("y"))) == [.copyToClipboard(url)])
        #expect(s == expected)
        _ = s.reduce(.linkFailed(reason: nil))
        #expect(s.notice == "No browser to open the link: set $BROWSER, or install xdg-open")
        _ = s.reduce(.linkOpened(program: "firefox"))
        #expect(s.notice == "Opening the link with firefox")
    }

    @Test func onlyWebLinksGoToABrowser() {
        let hostile = Article(
            id: "x", url: "--utility-cmd-prefix=touch /tmp/x", title: "X", published: PublishedDate(year: 2020, month: 1, day: 1)!,
            body: [])
        let local = Article(
            id: "y", url: "file:///etc/passwd", title: "Y", published: PublishedDate(year: 2020, month: 1, day: 1)!, body: [])
        for article in [hostile, local] {
            let taxonomy = TaxonomyTable(.eurasianet)
            let catalogue = Catalogue(
                source: ArchiveSource(metadataURL: URL(fileURLWithPath: "/t/archive.json"), layout: .singleFile),
                metadata: ArchiveMetadata(title: "T"), taxonomy: taxonomy,
                headers: [ArticleHeader(id: article.id, url: article.url, title: article.title, authors: [],
                                        published: article.published, language: "en", nodes: [], span: nil)],
                issues: [])
            var s = AppState(size: Size(width: 120, height: 40), archiveLabel: "t", catalogue: catalogue)
            s.press(.tab)
            #expect(s.reduce(.keyPressed(.char("o"))).isEmpty)
            #expect(s.notice == "Only http and https links are opened; y copies this one")
            #expect(s.reduce(.keyPressed(.char("y"))) == [.copyToClipboard(article.url)])
        }
    }

    @Test func steppingPastEitherEndOfTheListSaysSo() {
        var s = state()
        s.press(.tab, .enter, .char("p"))
        #expect(s.notice == "This is the first article of the list")
        #expect(s.reader?.origin.position == 0)
        s.press(.char("G"))
        #expect(s.notice == nil)
    }

    @Test func anUnboundKeySaysSoUntilTheNextKey() {
        var s = state()
        var expected = s
        s.press(.char("z"))
        expected.notice = "z does nothing here — ? lists the keys"
        expected.isAwaitingSession = false
        #expect(s == expected)
        s.press(.down)
        #expect(s.notice == nil)
    }

    @Test func keyMapDrivesHintsAndHelp() {
        let hints = KeyMap.standard.hints(in: .article, .english).map(\.label)
        #expect(hints.contains("next"))
        let help = HelpContent.lines(for: .standard, .english)
        #expect(help.contains(.binding(keys: "n", help: "Open the next article of the list")))
        #expect(help.contains(.title("Article")))
    }
}
