import SteppeCore
import SteppeViewModel

/// The open article, wrapped to the pane, scrolled to the reader's place.
enum ArticlePaneView {
    static let margin = 2

    static func draw(_ state: AppState, in rect: Rect, into grid: inout Grid) {
        guard let reader = state.reader, rect.height > 0 else { return }
        let focused = state.focus == .article
        let total = state.listArticles.count
        let visible = rect.height - 1
        let content = rect.droppingTop(1)
        var where_ = ""
        if let layout = reader.layout {
            if layout.lines.count <= visible {
                where_ = "All"
            } else if reader.topLine == 0 {
                where_ = "Top"
            } else if reader.topLine + visible >= layout.lines.count {
                where_ = "End"
            } else {
                where_ = "\(reader.topLine * 100 / max(1, layout.lines.count - visible))%"
            }
        }
        let right = "\(reader.listPosition + 1)/\(total)  \(where_)"
        let title = state.library.map { TextSanitizer.clean($0.headers[reader.articleIndex].title) } ?? ""
        PaneTitle.draw(title, right: right, focused: focused, in: rect, into: &grid)
        let x = content.x + margin
        let width = max(0, content.width - 2 * margin)
        switch reader.content {
        case .loading:
            grid.write(fitting: "Loading…", x: x, y: content.y + 1, width: width, role: .dim)
        case .failed(let message):
            grid.write(fitting: "This article cannot be shown:", x: x, y: content.y + 1, width: width, role: .warning)
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
