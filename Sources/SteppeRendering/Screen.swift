import SteppeCore
import SteppeViewModel

/// The one entry point of rendering: a state in, a grid of styled cells out. Pure.
///
/// Screen picks out of the state what each view draws; the views themselves see only that, so each
/// can be rendered alone in a test.
public enum Screen {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(size: state.size)
        let layout = state.layout
        let strings = state.strings
        if layout.mode == .tooSmall {
            TooSmallView(strings: strings).draw(into: &grid)
            return grid
        }
        if let catalogue = state.catalogue {
            if state.help != nil {
                HelpView(lines: state.helpLines, scroll: state.help?.scroll ?? 0, visibleRows: state.helpVisibleRows,
                         strings: strings)
                    .draw(into: &grid)
            } else {
                if let rect = layout.menu {
                    MenuView(
                        title: catalogue.metadata.title, rows: state.menuRows, menu: state.menu, name: state.name(of:),
                        count: { menuCount($0, state, catalogue) }, isFocused: state.focus == .menu
                    ).draw(in: rect, into: &grid)
                }
                if let rect = layout.list {
                    let entries = state.listEntries
                    let data = state.user.data
                    let visible = state.list.scroll..<min(entries.count, state.list.scroll + state.visibleRows(.list))
                    let snippets = state.list.source == .searchResults ? state.search?.snippets : nil
                    let dateWidth = state.preferences.dateFormat.width(in: strings.language)
                    ArticleListView(
                        title: state.path(of: state.list.source), count: entries.count,
                        countSuffix: state.list.source == .searchResults && state.hasMoreResults ? "+" : "",
                        rows: visible.map { position in
                            var row = listRow(entries, position, state, data, catalogue, dateWidth: dateWidth)
                            if let snippets {
                                let id = state.articleID(entries, at: position) ?? ""
                                row.snippet = snippets[id] ?? SearchSnippet(text: "", highlights: [])
                                row.titleHighlights = state.search?.titleHighlights[id] ?? []
                            }
                            return row
                        }, list: state.list,
                        isFocused: state.focus == .list, emptyText: emptyText(state.list.source, state, strings), strings: strings
                    ).draw(in: rect, into: &grid)
                }
                if let rect = layout.article, let reader = state.reader {
                    ArticlePaneView(
                        title: (state.user.data.isBookmarked(reader.articleID) ? "★ " : "") + reader.title,
                        origin: state.name(of: reader.origin.list), listCount: state.readerEntries.count,
                        reader: reader, isFocused: state.focus == .article, strings: strings
                    ).draw(in: rect, into: &grid)
                }
                drawSeparators(layout, into: &grid)
            }
        } else if case .opening(let done, let total) = state.archive {
            LoadingView(label: state.archiveLabel, bytesDone: done, bytesTotal: total, strings: strings).draw(into: &grid)
        }
        if let draft = state.draft, state.help == nil {
            NoteEditorView(draft: draft, layout: EditorLayout(size: state.size), strings: strings).draw(into: &grid)
        }
        StatusBarView(state).draw(in: layout.status, into: &grid)
        return grid
    }

    /// A menu entry's count: unread/total for a taxonomy node once some of it is read, else the total.
    private static func menuCount(_ item: MenuItem, _ state: AppState, _ catalogue: Catalogue) -> String {
        switch item {
        case .node(let node):
            let total = catalogue.count(in: node)
            let read = state.readCounts.indices.contains(node) ? state.readCounts[node] : 0
            return read == 0 ? String(total) : "\(max(0, total - read))/\(total)"
        case .notes: return String(state.user.noteCount)
        case .label(let label): return String(state.user.labels.first { $0.label == label }?.count ?? 0)
        case .bookmarks: return String(state.user.bookmarkOrder.count)
        case .recent: return String(state.user.recentOrder.count)
        case .searchResults: return String(state.search?.results.count ?? 0) + (state.hasMoreResults ? "+" : "")
        }
    }

    /// One row of a list, as the list view draws it.
    private static func listRow(
        _ entries: ListEntries, _ position: Int, _ state: AppState, _ data: UserSnapshot, _ catalogue: Catalogue, dateWidth: Int
    ) -> ArticleListView.Row {
        let id = state.articleID(entries, at: position) ?? ""
        let noteCount = data.notes[id]?.count ?? 0
        let header: ArticleHeader?
        if case .positions(let positions) = entries {
            header = catalogue.headers[Int(positions[position])]
        } else {
            header = catalogue.header(id: id)
        }
        guard let header else {
            let article = data.articles[id]
            return ArticleListView.Row(
                date: listDate(article?.published, state, width: dateWidth), language: "",
                title: article?.title ?? id, detail: "", isRead: true, isBookmarked: data.isBookmarked(id),
                noteCount: noteCount, isMissing: true)
        }
        let detail: String
        if entries.isPersonal {
            let taxonomy = catalogue.taxonomy
            detail = header.nodes.compactMap { node -> String? in
                let entry = taxonomy[Int(node)]
                return entry.facet == .regions ? entry.name(in: state.strings.language) : nil
            }.joined(separator: ", ")
        } else {
            detail = header.authors.joined(separator: ", ")
        }
        return ArticleListView.Row(
            date: listDate(header.published, state, width: dateWidth), language: header.isEnglish ? "" : String(header.language.uppercased().prefix(2)),
            title: header.title, detail: detail, isRead: data.isRead(id), isBookmarked: data.isBookmarked(id),
            noteCount: noteCount, isMissing: false)
    }

    /// A date as the reader's format writes it, padded so that the column lines up.
    private static func listDate(_ date: PublishedDate?, _ state: AppState, width: Int) -> String {
        let text = date.map { state.preferences.dateFormat.format($0, in: state.strings.language) } ?? ""
        return text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    private static func emptyText(_ item: MenuItem, _ state: AppState, _ strings: Strings) -> String {
        switch item {
        case .node: strings.noArticlesHere
        case .recent: strings.nothingReadYet
        case .bookmarks, .label: strings.noBookmarksYet
        case .notes: strings.noNotesYet
        case .searchResults:
            searchEmptyText(state, strings)
        }
    }

    /// What an empty result list says: a mistake in the query (naming what was wrong), an index that
    /// cannot be used, a search still running, the syntax before anything is typed, an index still
    /// being built, or that nothing matched.
    private static func searchEmptyText(_ state: AppState, _ strings: Strings) -> String {
        guard let search = state.search else { return strings.searchSyntaxShort }
        if let problem = search.problem { return strings.searchProblem(problem) }
        if case .failed(let problem) = state.searchIndex { return strings.searchProblem(problem) }
        let typed = search.field.text.trimmingCharacters(in: .whitespaces)
        if !typed.isEmpty, search.answered != search.field.text { return strings.searching }
        if search.answered.isEmpty { return strings.searchSyntaxShort }
        if search.isPartial, case .building(let done, let total) = state.searchIndex {
            return strings.searchStillIndexing(done: done, total: total)
        }
        return strings.searchNoResults
    }

    /// A vertical rule left of each pane that does not start at the left edge.
    private static func drawSeparators(_ layout: ScreenLayout, into grid: inout Grid) {
        for pane in layout.visiblePanes {
            guard let rect = layout.rect(of: pane), rect.x > 0 else { continue }
            for y in rect.y..<rect.maxY { grid.write("│", x: rect.x - 1, y: y, role: .separator) }
        }
    }
}

/// The first row of every pane: its name, and what it shows, highlighted when the pane has focus.
enum PaneTitle {
    static func draw(_ left: String, right: String = "", focused: Bool, in rect: Rect, into grid: inout Grid) {
        let role: StyleRole = focused ? .paneTitleFocused : .paneTitle
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: role)
        // The right part is cut inside its own margins, so it never runs into the pane's edge.
        let room = max(0, rect.width - 4)
        let rightText = right.isEmpty || room < 3 ? "" : " " + DisplayWidth.truncate(right, to: room - 2) + " "
        let rightWidth = DisplayWidth.of(rightText)
        grid.write(fitting: " " + left, x: rect.x, y: rect.y, width: rect.width - rightWidth, role: role)
        if rightWidth > 0 {
            grid.write(rightText, x: rect.maxX - rightWidth, y: rect.y, role: role, limit: rightWidth)
        }
    }
}

/// Shown instead of everything else when the terminal is below the minimum size.
struct TooSmallView {
    var strings: Strings

    func draw(into grid: inout Grid) {
        let size = grid.size
        guard size.width > 0, size.height > 0 else { return }
        let m = ScreenLayout.minimum
        // Wrapped, so that the size needed is readable however narrow the terminal is.
        let lines = TextWrapper.wrap(strings.terminalTooSmall(width: m.width, height: m.height), width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            let width = min(DisplayWidth.of(line.text), size.width)
            grid.write(fitting: line.text, x: (size.width - width) / 2, y: top + i, width: width, role: .warning)
        }
    }
}

/// The first screen of a large new archive, while its index is built.
struct LoadingView {
    var label: String
    var bytesDone: Int64
    var bytesTotal: Int64
    var strings: Strings

    func draw(into grid: inout Grid) {
        let size = grid.size
        let width = min(60, size.width - 4)
        let x = (size.width - width) / 2
        let y = max(0, size.height / 2 - 2)
        grid.write(fitting: strings.opening(label), x: x, y: y, width: width, role: .articleTitle)
        guard bytesTotal > 0 else {
            grid.write(fitting: strings.readingArchive, x: x, y: y + 2, width: width, role: .body)
            return
        }
        let fraction = min(1, Double(bytesDone) / Double(bytesTotal))
        let barWidth = max(1, width - 7)
        let filled = Int(fraction * Double(barWidth))
        grid.write(String(repeating: "█", count: filled), x: x, y: y + 2, role: .progress)
        grid.write(String(repeating: "░", count: barWidth - filled), x: x + filled, y: y + 2, role: .dim)
        grid.write(" \(Int(fraction * 100))%", x: x + barWidth, y: y + 2, role: .body)
        let mb = { (bytes: Int64) in Int((Double(bytes) / 1_048_576).rounded()) }
        grid.write(
            fitting: strings.indexing(doneMB: mb(bytesDone), totalMB: mb(bytesTotal)), x: x, y: y + 3, width: width,
            role: .dim)
    }
}
