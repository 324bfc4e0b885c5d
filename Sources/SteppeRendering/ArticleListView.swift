import SteppeCore
import SteppeViewModel

/// The articles of the selected node: date, language marker, title, authors.
///
/// Draws only the rows on screen, so a list of 50,000 costs what a list of 20 does.
struct ArticleListView {
    var title: String
    var headers: [ArticleHeader]
    /// The list, as positions in `headers`.
    var articles: [Int32]
    var list: ListState
    var isFocused: Bool
    var strings: Strings

    func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0 else { return }
        let position = articles.isEmpty ? "0/0" : "\(list.selected + 1)/\(articles.count)"
        PaneTitle.draw(title, right: position, focused: isFocused, in: rect, into: &grid)
        let content = rect.droppingTop(1)
        if articles.isEmpty {
            grid.write(fitting: "  " + strings.noArticlesHere, x: content.x, y: content.y, width: content.width, role: .dim)
            return
        }
        let showAuthors = content.width >= 70
        let authorWidth = showAuthors ? min(20, content.width / 5) : 0
        for line in 0..<content.height {
            let position = list.scroll + line
            guard position < articles.count else { break }
            let header = headers[Int(articles[position])]
            let y = content.y + line
            let isSelected = position == list.selected
            let selectedRole: StyleRole = isFocused ? .selection : .selectionInactive
            func role(_ normal: StyleRole) -> StyleRole { isSelected ? selectedRole : normal }
            grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1), role: role(.listTitle))
            var x = content.x + 1
            x += grid.write(header.published.dayString, x: x, y: y, role: role(.listDate))
            x += 1
            let marker = header.isEnglish ? "  " : String(header.language.uppercased().prefix(2))
            x += grid.write(DisplayWidth.fit(marker, to: 2), x: x, y: y, role: role(.listMarker))
            x += 1
            let titleWidth = content.maxX - x - (showAuthors ? authorWidth + 2 : 1)
            grid.write(fitting: header.title, x: x, y: y, width: titleWidth, role: role(.listTitle))
            if showAuthors {
                let authors = TextSanitizer.clean(header.authors.joined(separator: ", "))
                let text = DisplayWidth.truncate(authors, to: authorWidth)
                let w = DisplayWidth.of(text)
                grid.write(text, x: content.maxX - 1 - w, y: y, role: role(.listAuthor))
            }
        }
    }
}
