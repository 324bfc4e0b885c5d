import SteppeCore
import SteppeViewModel

/// The bottom row: which archive, which node, skipped entries, and the keys that matter here.
enum StatusBarView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0, rect.width > 0, state.layout.mode != .tooSmall else { return }
        grid.fill(rect, role: .statusBar)
        var left = " \(state.archiveLabel)"
        if state.library != nil, state.help == nil { left += " · " + state.currentNodePath }
        var x = rect.x
        let hints = state.library == nil ? [(keys: "q", label: "quit")] : state.keyMap.hints(in: state.keyContext)
        // Hints take what the left part leaves, dropped from the end when they do not fit.
        var hintText: [(String, String)] = []
        var hintWidth = 0
        let leftWidth = min(DisplayWidth.of(left), rect.width / 2)
        for hint in hints {
            let w = DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
            if leftWidth + hintWidth + w + 2 > rect.width { break }
            hintText.append((hint.keys, hint.label))
            hintWidth += w
        }
        var skipped = ""
        if let library = state.library, library.skippedCount > 0 {
            let n = library.skippedCount
            skipped = "\(n) \(n == 1 ? "entry" : "entries") skipped — run steppe validate"
        }
        let leftSpace = rect.width - hintWidth
        x += grid.write(fitting: left, x: x, y: rect.y, width: min(leftSpace, DisplayWidth.of(left)), role: .statusBar)
        if !skipped.isEmpty && leftSpace - (x - rect.x) > 8 {
            x += grid.write("  ", x: x, y: rect.y, role: .statusBar)
            let room = leftSpace - (x - rect.x) - 1
            x += grid.write(fitting: skipped, x: x, y: rect.y, width: min(room, DisplayWidth.of(skipped)), role: .statusMessage)
        }
        var hx = rect.maxX - hintWidth
        for (keys, label) in hintText {
            hx += grid.write(" " + keys, x: hx, y: rect.y, role: .statusKey)
            hx += grid.write(" " + label + " ", x: hx, y: rect.y, role: .statusBar)
        }
    }
}
