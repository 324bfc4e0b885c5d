import SteppeCore
import SteppeViewModel

/// Every key binding, generated from the key map.
struct HelpView {
    var lines: [HelpContent.Line]
    var scroll: Int
    var visibleRows: Int
    var strings: Strings

    func draw(into grid: inout Grid) {
        let size = grid.size
        let frame = Rect(x: 0, y: 0, width: size.width, height: size.height - 1)
        let last = min(lines.count, scroll + visibleRows)
        let position = last < lines.count || scroll > 0
            ? strings.helpPosition(first: scroll + 1, last: last, total: lines.count) : ""
        PaneTitle.draw(strings.helpTitle, right: position, focused: true, in: frame, into: &grid)
        let keyWidth = min(28, max(12, size.width / 3))
        for row in 0..<visibleRows {
            let index = scroll + row
            guard index < lines.count else { break }
            let y = 2 + row
            guard y < size.height - 1 else { break }
            switch lines[index] {
            case .title(let title):
                grid.write(fitting: title, x: 2, y: y, width: size.width - 4, role: .helpTitle)
            case .binding(let keys, let help):
                grid.write(fitting: keys, x: 4, y: y, width: keyWidth - 2, role: .helpKey)
                grid.write(fitting: help, x: 2 + keyWidth, y: y, width: max(0, size.width - keyWidth - 4), role: .body)
            case .blank:
                break
            }
        }
    }
}
