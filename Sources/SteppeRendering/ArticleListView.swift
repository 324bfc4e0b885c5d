import SteppeCore
import SteppeViewModel

/// A list of articles: date, marks (★ bookmarked, notes), language, title, and authors or regions.
/// Unread titles stand out; an article no longer in the archive says so. Search results take two
/// lines each: the second is the snippet around the match, the matched words highlighted.
///
/// Draws only the rows on screen, so a list of 50,000 costs what a list of 20 does: `rows` holds
/// just those, from `list.scroll` on.
struct ArticleListView {
    struct Row: Equatable {
        var date: String
        var language: String
        var title: String
        /// Authors in a taxonomy list; regions in the reader's own lists.
        var detail: String
        var isRead: Bool
        var isBookmarked: Bool
        var noteCount: Int
        var isMissing: Bool
        /// Search results only; empty until the snippet arrives.
        var snippet: SearchSnippet?
        /// Search results: display columns of the matched words in the title.
        var titleHighlights: [Range<Int>] = []
    }

    var title: String
    var count: Int
    /// "+" after the count when the list holds only the first of more (a search's best 100).
    var countSuffix = ""
    var rows: [Row]
    var list: ListState
    var isFocused: Bool
    var emptyText: String
    var strings: Strings

    func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0 else { return }
        let position = count == 0 ? "0/0" : "\(list.selected + 1)/\(count)\(countSuffix)"
        PaneTitle.draw(title, right: position, focused: isFocused, in: rect, into: &grid)
        let content = rect.droppingTop(1)
        if count == 0 {
            for (i, line) in TextWrapper.wrap(emptyText, width: max(1, content.width - 2)).enumerated() where i < content.height {
                grid.write(line.text, x: content.x + 2, y: content.y + i, role: .dim, limit: content.width - 2)
            }
            return
        }
        let showDetail = content.width >= 70
        let detailWidth = showDetail ? min(20, content.width / 5) : 0
        let height = rows.contains { $0.snippet != nil } ? 2 : 1
        for (line, row) in rows.enumerated() where line * height < content.height {
            let position = list.scroll + line
            let y = content.y + line * height
            let isSelected = position == list.selected
            // The row's state is laid over each part's role by the theme: selected over unread over bookmarked.
            let selected: StyleModifiers = isSelected ? (isFocused ? .selected : .selectedInactive) : []
            var titleModifiers = selected
            if !row.isRead && !row.isMissing { titleModifiers.insert(.unread) }
            if row.isBookmarked { titleModifiers.insert(.bookmarked) }
            grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1), role: .listTitle, modifiers: selected)
            var x = content.x + 1
            x += grid.write(row.date, x: x, y: y, role: .listDate, modifiers: selected)
            x += grid.write(row.isBookmarked ? " ★" : "  ", x: x, y: y, role: .bookmarkMarker, modifiers: selected)
            x += grid.write(" ", x: x, y: y, role: .listTitle, modifiers: selected)
            x += grid.write(DisplayWidth.fit(row.language, to: 2), x: x, y: y, role: .listMarker, modifiers: selected)
            x += 1
            let notes = row.noteCount > 0 ? " ✎\(row.noteCount)" : ""
            // Where there is a column for details, that is where "missing from archive" goes.
            let missing = row.isMissing && !showDetail ? " (\(strings.missingFromArchive))" : ""
            let detail = row.isMissing ? strings.missingFromArchive : row.detail
            let tail = DisplayWidth.of(notes) + DisplayWidth.of(missing)
            let titleWidth = max(0, content.maxX - x - (showDetail ? detailWidth + 2 : 1) - tail)
            let titleRole: StyleRole = row.isMissing ? .dim : .listTitle
            let used = grid.write(
                DisplayWidth.truncate(row.title, to: titleWidth), x: x, y: y, role: titleRole, modifiers: titleModifiers, limit: titleWidth)
            // The matched words of a search, where the title shows them (its cut end, "…", is not marked).
            let shown = row.titleHighlights.isEmpty || DisplayWidth.of(TextSanitizer.clean(row.title)) <= titleWidth ? used : used - 1
            for range in row.titleHighlights where range.lowerBound < shown {
                grid.restyle(
                    Rect(x: x + range.lowerBound, y: y, width: min(range.upperBound, shown) - range.lowerBound, height: 1), role: .searchMatch)
            }
            x += used
            if !missing.isEmpty { x += grid.write(missing, x: x, y: y, role: .dim, modifiers: selected) }
            if !notes.isEmpty { x += grid.write(notes, x: x, y: y, role: .noteMarker, modifiers: selected) }
            if showDetail {
                let text = DisplayWidth.truncate(TextSanitizer.clean(detail), to: detailWidth)
                let w = DisplayWidth.of(text)
                grid.write(text, x: content.maxX - 1 - w, y: y, role: row.isMissing ? .dim : .listAuthor, modifiers: selected)
            }
            if let snippet = row.snippet, height == 2, line * 2 + 1 < content.height {
                drawSnippet(snippet, y: y + 1, in: content, modifiers: selected, into: &grid)
            }
        }
    }

    /// The snippet line, under the date, its matched words in the match colour.
    private func drawSnippet(_ snippet: SearchSnippet, y: Int, in content: Rect, modifiers: StyleModifiers, into grid: inout Grid) {
        grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1), role: .dim, modifiers: modifiers)
        let x = content.x + 3
        let width = content.maxX - x - 1
        guard width > 0 else { return }
        let fitted = snippet.fitted(to: width)
        grid.write(fitted.text, x: x, y: y, role: .dim, modifiers: modifiers, limit: width)
        // The matched words stand out from a selected row too.
        for range in fitted.highlights where range.lowerBound < width {
            grid.restyle(Rect(x: x + range.lowerBound, y: y, width: min(range.upperBound, width) - range.lowerBound, height: 1), role: .searchMatch)
        }
    }
}
