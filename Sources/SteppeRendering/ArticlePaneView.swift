import SteppeCore
import SteppeViewModel

/// The open article, wrapped to the pane, scrolled to the reader's place.
struct ArticlePaneView {
    static let margin = 2

    var title: String
    /// The list the article was opened from, which `n` and `p` walk.
    var origin: String
    var listCount: Int
    var reader: ReaderState
    var isFocused: Bool
    var strings: Strings

    func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0 else { return }
        let visible = rect.height - 1
        let content = rect.droppingTop(1)
        var place = ""
        if let layout = reader.layout {
            if layout.lines.count <= visible {
                place = strings.positionAll
            } else if reader.topLine == 0 {
                place = strings.positionTop
            } else if reader.topLine + visible >= layout.lines.count {
                place = strings.positionEnd
            } else {
                place = "\(reader.topLine * 100 / max(1, layout.lines.count - visible))%"
            }
        }
        let right = "\(origin) \(reader.origin.position + 1)/\(listCount)  \(place)"
        PaneTitle.draw(title, right: right, focused: isFocused, in: rect, into: &grid)
        let x = content.x + ArticlePaneView.margin
        let width = max(0, content.width - 2 * ArticlePaneView.margin)
        switch reader.content {
        case .loading:
            grid.write(fitting: strings.loadingArticle, x: x, y: content.y + 1, width: width, role: .dim)
        case .failed(let error):
            let message = strings.archiveError(error)
            grid.write(fitting: strings.articleCannotBeShown, x: x, y: content.y + 1, width: width, role: .warning)
            for (i, line) in TextWrapper.wrap(TextSanitizer.clean(message), width: max(1, width)).enumerated()
            where i + 3 < content.height {
                grid.write(line.text, x: x, y: content.y + 3 + i, role: .body, limit: width)
            }
        case .loaded:
            guard let layout = reader.layout else { return }
            for row in 0..<content.height {
                let index = reader.topLine + row
                guard index < layout.lines.count else { break }
                var column = x
                for span in layout.lines[index].spans {
                    column += grid.write(span.text, x: column, y: content.y + row, role: span.role, limit: x + width - column)
                }
            }
        }
    }
}
