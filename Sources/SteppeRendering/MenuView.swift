import SteppeCore
import SteppeViewModel

/// The taxonomy tree and the reader's own lists, with counts: unread/total for a taxonomy node.
struct MenuView {
    var title: String
    var rows: [MenuState.Row]
    var menu: MenuState
    var name: (MenuItem) -> String
    var count: (MenuItem) -> String
    var isFocused: Bool

    func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0 else { return }
        PaneTitle.draw(title, focused: isFocused, in: rect, into: &grid)
        let content = rect.droppingTop(1)
        for line in 0..<content.height {
            let index = menu.scroll + line
            guard index < rows.count else { break }
            let row = rows[index]
            let isSelected = row.item == menu.selected
            let y = content.y + line
            let role: StyleRole = row.depth == 0 ? .menuGroup : .menuItem
            let modifiers: StyleModifiers = isSelected ? (isFocused ? .selected : .selectedInactive) : []
            grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1), role: role, modifiers: modifiers)
            let count = self.count(row.item)
            let countWidth = DisplayWidth.of(count) + 1
            let indent = String(repeating: "  ", count: row.depth)
            let marker = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : "  "
            let label = " " + indent + marker + name(row.item)
            // A blank column between a cut name and its count, so the two never run together.
            grid.write(fitting: label, x: content.x, y: y, width: max(0, content.width - countWidth - 1), role: role, modifiers: modifiers)
            if content.width > countWidth + 4 {
                grid.write(count, x: content.maxX - countWidth, y: y, role: .menuCount, modifiers: modifiers)
            }
        }
    }
}
