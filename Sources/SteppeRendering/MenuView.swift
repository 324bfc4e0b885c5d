import SteppeCore
import SteppeViewModel

/// The taxonomy tree with article counts.
enum MenuView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout Grid) {
        guard let library = state.library, rect.height > 0 else { return }
        let focused = state.focus == .menu
        PaneTitle.draw(library.metadata.title, focused: focused, in: rect, into: &grid)
        let rows = state.menuRows
        let content = rect.droppingTop(1)
        for line in 0..<content.height {
            let index = state.menu.scroll + line
            guard index < rows.count else { break }
            let row = rows[index]
            let entry = library.taxonomy[row.node]
            let isSelected = row.node == state.menu.selected
            let y = content.y + line
            let role: StyleRole = isSelected ? (focused ? .selection : .selectionInactive) : (row.depth == 0 ? .menuGroup : .menuItem)
            grid.fill(Rect(x: content.x, y: y, width: content.width, height: 1), role: role)
            let count = String(library.count(in: row.node))
            let countWidth = count.count + 1
            let indent = String(repeating: "  ", count: row.depth)
            let marker = row.hasChildren ? (row.isExpanded ? "▾ " : "▸ ") : "  "
            let label = " " + indent + marker + TextSanitizer.clean(entry.name)
            grid.write(fitting: label, x: content.x, y: y, width: max(0, content.width - countWidth), role: role)
            if content.width > countWidth + 4 {
                grid.write(count, x: content.maxX - countWidth, y: y, role: isSelected ? role : .menuCount)
            }
        }
    }
}
