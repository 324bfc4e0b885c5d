import SteppeCore
import SteppeResources
import SteppeTestSupport
import Testing

@testable import SteppeRendering
@testable import SteppeViewModel

@Suite struct ScreenTests {
    let library = TestLibrary.make()

    func state(_ width: Int, _ height: Int) -> AppState {
        AppState(size: Size(width: width, height: height), archiveLabel: "test archive", catalogue: library.catalogue)
    }

    func open(_ id: String, in s: inout AppState) {
        s.press(.tab)
        let position = s.listEntries.indices.first { s.id(at: $0) == id }!
        for _ in 0..<position { s.press(.down) }
        s.press(.enter)
    }

    /// Every row fills exactly the grid's width: wide characters take two cells, never more or less.
    func expectAligned(_ grid: Grid, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<grid.size.height {
            var width = 0
            for cell in grid.row(y) where !cell.isContinuation { width += Int(cell.width) }
            #expect(width == grid.size.width, "row \(y) is \(width) columns wide", sourceLocation: sourceLocation)
        }
    }

    @Test func mainScreenWide() {
        let grid = Screen.render(state(120, 40))
        Golden.check(grid.lines, "main-120x40")
        expectAligned(grid)
    }

    @Test func theSearchLineWithResultsAndAMistake() {
        var s = state(100, 16)
        s.press(.char("/"))
        for c in "Каспий" { s.press(.char(c)) }
        _ = s.reduce(.searchResults(text: "Каспий", ids: ["caspian-ru", "panj"], problem: nil, isPartial: false))
        _ = s.reduce(.searchSnippets(text: "Каспий", snippets: [
            "caspian-ru": SearchSnippet(text: "У Каспийского моря пять берегов и пять столиц; 里海 — его имя по-китайски.", highlights: [2..<13])
        ], titles: ["caspian-ru": [0..<10]]))
        let grid = Screen.render(s)
        // The title's matched word too: "Каспийское" is the first ten columns of the title.
        let list = s.layout.list!
        let titleStart = grid.row(list.y + 1).firstIndex { $0.character == "К" }!
        let titleRoles = grid.row(list.y + 1)[titleStart..<(titleStart + 12)].map(\.role)
        #expect(titleRoles == Array(repeating: StyleRole.searchMatch, count: 10) + [.listTitle, .listTitle])
        // The matched word is in the match colour; the second result's snippet has not come yet.
        let snippetRow = grid.row(2).map(\.role)
        #expect(snippetRow.contains(.searchMatch))
        Golden.check(grid.lines, "search-100x16")
        expectAligned(grid)
        s.press(.char(" "), .char("r"), .char(":"))
        _ = s.reduce(.searchResults(text: "Каспий r:", ids: [], problem: .unknownFilter("r"), isPartial: false))
        Golden.check(Screen.render(s).lines, "search-mistake-100x16")
    }

    @Test func aLongListNameYieldsToTheArticleTitle() {
        var s = state(60, 20)
        s.press(.char("/"))
        for c in "border region:central-asia" { s.press(.char(c)) }
        _ = s.reduce(.searchResults(text: "border region:central-asia", ids: ["panj"], problem: nil, isPartial: false))
        s.press(.enter)
        let top = Screen.render(s).lines[0]
        #expect(top.hasPrefix(" The Panj: a river border"))
        #expect(top.contains("1/1"))
    }

    @Test func aSearchInsideTheArticleMarksEveryMatch() {
        var s = state(100, 16)
        s.press(.tab)
        while s.id(at: s.list.selected) != "panj" { s.press(.down) }
        s.press(.enter, .char("/"))
        for c in "river" { s.press(.char(c)) }
        s.press(.enter, .char("n"))
        let grid = Screen.render(s)
        Golden.check(grid.lines, "find-in-article-100x16")
        // The current match is drawn as a selection, the others as matches.
        let roles = (0..<grid.size.height).flatMap { y in grid.row(y).map(\.role) }
        #expect(roles.contains(.textSelection))
        #expect(roles.contains(.searchMatch))
    }

    @Test func mainScreenStackedAt80x24() {
        var s = state(80, 24)
        s.press(AppState.downToRegions + [.down, .right])
        let grid = Screen.render(s)
        Golden.check(grid.lines, "main-80x24")
        expectAligned(grid)
    }

    @Test func russianArticle() {
        var s = state(100, 30)
        open("caspian-ru", in: &s)
        let grid = Screen.render(s)
        Golden.check(grid.lines, "article-russian-100x30")
        expectAligned(grid)
    }

    @Test func chineseArticleKeepsColumnsAligned() {
        var s = state(100, 30)
        open("khorgos", in: &s)
        let grid = Screen.render(s)
        Golden.check(grid.lines, "article-chinese-100x30")
        expectAligned(grid)
        // The separator after the menu stays in one column on every row, CJK title row included.
        let separatorX = s.layout.article!.x - 1
        for y in 0..<(grid.size.height - 1) { #expect(grid[separatorX, y].character == "│") }
    }

    @Test func listWithCyrillicAndCJKTitlesLinesUp() {
        let s = state(120, 12)
        let grid = Screen.render(s)
        expectAligned(grid)
        let rows = grid.lines.filter { $0.contains("Каспийское") || $0.contains("霍尔果斯") }
        #expect(rows.count == 2)
        // Dates start in the same column whatever the script of the title.
        let columns = rows.map { DisplayWidth.of($0.prefix { $0 != "2" }) }
        #expect(Set(columns).count == 1)
    }

    @Test func threeColumnsFromWideTerminals() {
        var s = state(200, 50)
        open("panj", in: &s)
        #expect(s.layout.list != nil && s.layout.article != nil && s.layout.menu != nil)
        expectAligned(Screen.render(s))
    }

    @Test func theMenuGrowsToItsLongestNamesOnWideTerminals() {
        #expect(ScreenLayout(size: Size(width: 120, height: 40), isArticleOpen: false).menu?.width == 30)
        #expect(ScreenLayout(size: Size(width: 300, height: 40), isArticleOpen: false).menu?.width == 44)
        var s = state(300, 40)
        for _ in 0..<13 { s.press(.down) }  // Topics › Politics
        s.press(.right)
        let menu = Screen.render(s).lines.first { $0.contains("Bloody") } ?? ""
        #expect(menu.contains("Kazakhstan's Bloody January 2022"))
    }

    @Test func aPaneTitleKeepsAMarginWhenItsRightPartIsCut() {
        var grid = Grid(size: Size(width: 30, height: 1))
        PaneTitle.draw("Title", right: "Regions › Central Asia › Tajikistan 12/140", focused: true,
                       in: Rect(x: 0, y: 0, width: 30, height: 1), into: &grid)
        #expect(grid.lines == [" Tit… Regions › Central Asia…"])
        #expect(grid[29, 0].character == " ")
    }

    @Test func tooSmall() {
        let grid = Screen.render(state(39, 10))
        #expect(grid.lines[4] == "    terminal too small (need 40×10)")
        // Narrower, the notice wraps rather than losing the size it asks for.
        let narrow = Screen.render(state(30, 8)).lines.filter { !$0.isEmpty }
        #expect(narrow == ["   terminal too small (need", "            40×10)"])
        // Whatever the size, nothing is drawn past the edge and every row is whole.
        for size in [(1, 1), (5, 2), (40, 9)] { expectAligned(Screen.render(state(size.0, size.1))) }
        #expect(Screen.render(state(0, 0)).lines.isEmpty)
    }

    @Test func skippedEntriesAreCountedInTheStatusBarEvenWhenNarrow() {
        let issues = [
            ArchiveIssue(path: "a.jsonl", line: 3, message: "missing field 'title'"),
            ArchiveIssue(path: "a.jsonl", line: 9, message: "malformed JSON"),
            ArchiveIssue(path: "a.jsonl", line: 12, message: "unknown slug", severity: .warning),
        ]
        for width in [80, 120] {
            let s = AppState(size: Size(width: width, height: 24), archiveLabel: "~/archive", catalogue: TestLibrary.make(issues: issues).catalogue)
            let status = Screen.render(s).lines[23]
            #expect(status.contains("2 entries skipped — run steppe validate"), "\(status)")
            #expect(status.hasPrefix(" ~/archive · All articles"))
        }
    }

    @Test func theHelpHintSurvivesNarrowTerminalsAndLongTitlesKeepASpace() {
        var s = AppState(size: Size(width: 50, height: 16), archiveLabel: "bundled sample archive", catalogue: library.catalogue)
        s.press(AppState.downToRegions + [.down, .right, .down])
        let status = Screen.render(s).lines[15]
        #expect(status.hasSuffix("? help"), "\(status)")
        #expect(status.contains("bundled sample archive · Regions"))
        var t = AppState(size: Size(width: 50, height: 16), archiveLabel: "x", catalogue: library.catalogue)
        open("caspian-ru", in: &t)
        let title = Screen.render(t).lines[0]
        #expect(title.contains("… All articles 2/4"), "\(title)")
    }

    @Test func theWholeReaderInRussianAt80x24() {
        var s = AppState(
            size: Size(width: 80, height: 24), archiveLabel: "~/архив", catalogue: library.catalogue,
            strings: Strings(.russian))
        s.press(AppState.downToRegions + [.down, .right, .down])
        let menu = Screen.render(s)
        Golden.check(menu.lines, "main-russian-80x24")
        expectAligned(menu)
        s.press(.home)
        open("caspian-ru", in: &s)
        let article = Screen.render(s)
        Golden.check(article.lines, "article-russian-ui-80x24")
        expectAligned(article)
        s.press(.char("?"))
        Golden.check(Screen.render(s).lines, "help-russian-80x24")
    }

    @Test func helpScreen() {
        var s = state(80, 24)
        s.press(.char("?"))
        Golden.check(Screen.render(s).lines, "help-80x24")
    }

    @Test func loadingScreenShowsProgress() {
        var s = AppState(size: Size(width: 80, height: 24), archiveLabel: "~/big")
        _ = s.reduce(.archiveProgressed(bytesDone: 120 << 20, bytesTotal: 240 << 20))
        let lines = Screen.render(s).lines
        #expect(lines.contains { $0.contains("50%") })
        #expect(lines.contains { $0.contains("Indexing articles: 120 of 240 MB") })
    }

    @Test func selectionAndFocusAreStyled() {
        var s = state(120, 20)
        let grid = Screen.render(s)
        let menu = s.layout.menu!
        #expect(grid[menu.x + 2, menu.y + 1].modifiers == .selected)
        #expect(grid[menu.x, menu.y].role == .paneTitleFocused)
        s.press(.tab)
        let after = Screen.render(s)
        #expect(after[menu.x + 2, menu.y + 1].modifiers == .selectedInactive)
        #expect(after[s.layout.list!.x + 2, s.layout.list!.y + 1].modifiers == .selected)
    }

    @Test func aSelectedUnreadBookmarkedTitleCarriesAllThreeAndTheThemeLaysThemInOrder() throws {
        var s = state(120, 20)
        s.press(.tab)
        _ = s.reduce(.userDataLoaded(
            UserSnapshot(articles: [], bookmarks: [Bookmark(articleID: s.id(at: 0), createdAt: 1)], notes: [], marks: []),
            readOnlyReason: nil))
        let grid = Screen.render(s)
        let list = s.layout.list!
        let title = grid.row(list.y + 1).first { $0.role == .listTitle && $0.character != " " }
        #expect(title?.modifiers == [.selected, .unread, .bookmarked])
        let theme = try Theme.named("default", in: [BundledResources.themesDirectory])
        let style = theme.style(for: .listTitle, modifiers: [.selected, .unread, .bookmarked])
        // Selected's colours over unread's weight: the selected unread title stays bold.
        #expect(style == CellStyle(foreground: .index(230), background: .index(31), bold: true))
        #expect(theme.style(for: .listTitle, modifiers: .bookmarked).foreground == .index(222))
        // Without modifiers of its own a theme lays its stand-in roles whole, as before modifiers existed.
        let light = Theme(name: "old", styles: [.selection: CellStyle(foreground: .index(1), bold: true), .listUnread: CellStyle(italic: true)])
        #expect(light.style(for: .listTitle, modifiers: [.unread, .selected]) == CellStyle(foreground: .index(1), bold: true))
    }

    @Test func hostileTextNeverReachesTheGrid() {
        let article = Article(
            id: "evil", url: "x", title: "Evil\u{1B}]0;pwned\u{07} title", published: PublishedDate(year: 2020, month: 1, day: 1)!,
            body: [Block(.paragraph, "Clear\u{1B}[2J screen \u{9B}1m and 👨\u{200D}👩\u{200D}👧 family")])
        let layout = ArticleLayout(article: article, taxonomy: TaxonomyTable(.eurasianet), width: 60, strings: .english)
        for line in layout.lines {
            #expect(!line.text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x200D })
        }
    }

    @Test func onlyChangedRowsAreRedrawn() {
        var s = state(120, 30)
        let before = Screen.render(s)
        #expect(Screen.render(s).changedRows(since: before).isEmpty)
        s.press(.down)
        let changed = Screen.render(s).changedRows(since: before)
        #expect(!changed.isEmpty && changed.count < 30)
    }
}

@Suite struct ArticleFailureScreenTests {
    @Test func anArticleThatCannotBeReadSaysWhy() {
        var s = AppState(size: Size(width: 100, height: 20), archiveLabel: "t", catalogue: TestLibrary.make().catalogue)
        s.press(.tab)
        let effects = s.reduce(.keyPressed(.enter))
        let id = s.id(at: 0)
        #expect(effects == s.openingEffects(id))
        _ = s.reduce(.articleFailed(id: id, error: .invalid(
            path: "articles.jsonl", place: "line 2", reason: "'body[1].type': expected a string")))
        let lines = Screen.render(s).lines
        #expect(lines.contains { $0.contains("This article cannot be shown:") })
        #expect(lines.contains { $0.contains("articles.jsonl: line 2: 'body[1].type': expected a string") })
    }

    @Test func theReasonIsPutInTheInterfaceLanguage() {
        var s = AppState(
            size: Size(width: 100, height: 20), archiveLabel: "t", catalogue: TestLibrary.make().catalogue,
            strings: Strings(.russian))
        s.press(.tab, .enter)
        _ = s.reduce(.articleFailed(id: s.id(at: 0), error: .archiveChanged(path: "a.jsonl", line: 2)))
        let text = Screen.render(s).lines.joined(separator: " ")
        #expect(text.contains("Эту статью нельзя показать:"))
        #expect(text.contains("a.jsonl:2: архив изменился на диске"))
    }
}
