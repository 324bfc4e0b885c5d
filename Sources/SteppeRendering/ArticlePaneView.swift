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
        // The list's name yields to the article's title, which keeps up to half the row.
        let rest = " \(reader.origin.position + 1)/\(listCount)  \(place)"
        let room = rect.width - min(DisplayWidth.of(title), rect.width / 2) - DisplayWidth.of(rest) - 4
        let right = DisplayWidth.truncate(origin, to: max(8, room)) + rest
        PaneTitle.draw(title, right: right, focused: isFocused, in: rect, into: &grid)
        var x = content.x + ArticlePaneView.margin
        let width = max(0, content.width - 2 * ArticlePaneView.margin)
        // Text narrower than the pane (a reading width) stands in its middle.
        if let measure = reader.layout?.width, measure < width { x += (width - measure) / 2 }
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
            let selection = reader.selectedRange
            let find = reader.find
            let current = find?.current.flatMap { find!.matches.indices.contains($0) ? find!.matches[$0] : nil }
            for row in 0..<content.height {
                let index = reader.topLine + row
                guard index < layout.lines.count else { break }
                let line = layout.lines[index]
                let y = content.y + row
                // The margin: ✎ where a paragraph has notes, a bar along the paragraph under the cursor.
                if line.marker == .note { grid.write("✎", x: content.x, y: y, role: .noteMarker) }
                if reader.isUnderCursor(line) { grid.write("▌", x: content.x + 1, y: y, role: .paragraphCursor) }
                var column = x
                for span in line.spans {
                    let limit = x + width - column
                    if let selection, let offset = span.offset, reader.selection?.block == line.anchor.block {
                        column += drawSelecting(span, from: offset, selection, x: column, y: y, limit: limit, into: &grid)
                    } else if let find, let offset = span.offset, find.matches.contains(where: { $0.block == line.anchor.block }) {
                        let ranges = find.ranges(in: line.anchor.block)
                        let here = current?.block == line.anchor.block ? current?.range : nil
                        column += drawMarked(span, from: offset, x: column, y: y, limit: limit, into: &grid) { i in
                            if let here, here.contains(i) { return .textSelection }
                            return ranges.contains { $0.contains(i) } ? .searchMatch : nil
                        }
                    } else {
                        column += grid.write(span.text, x: column, y: y, role: span.role, limit: limit)
                    }
                }
            }
        }
    }

    /// A span of the block's text with some characters (by offset in the block) in a role of their own.
    private func drawMarked(
        _ span: ArticleLayout.Span, from offset: Int, x: Int, y: Int, limit: Int, into grid: inout Grid,
        _ role: (Int) -> StyleRole?
    ) -> Int {
        var used = 0
        for (i, character) in span.text.enumerated() {
            used += grid.write(String(character), x: x + used, y: y, role: role(offset + i) ?? span.role, limit: limit - used)
        }
        return used
    }

    /// A span of the block's text with the characters inside `selection` in the selection's role.
    private func drawSelecting(
        _ span: ArticleLayout.Span, from offset: Int, _ selection: Range<Int>, x: Int, y: Int, limit: Int, into grid: inout Grid
    ) -> Int {
        var used = 0
        for (i, character) in span.text.enumerated() {
            let role: StyleRole = selection.contains(offset + i) ? .textSelection : span.role
            used += grid.write(String(character), x: x + used, y: y, role: role, limit: limit - used)
        }
        return used
    }
}
