import SteppeCore
import SteppeViewModel

/// The bottom row: which archive, which node, skipped entries, and the keys that matter here.
///
/// When space runs out, hints go first (the help screen has them all) except the help hint itself,
/// then the node path is cut; a count of skipped entries is never hidden, since it is the only sign
/// that data was left out.
enum StatusBarView {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0, rect.width > 0, state.layout.mode != .tooSmall else { return }
        grid.fill(rect, role: .statusBar)
        var left = " \(state.archiveLabel)"
        if state.library != nil, state.help == nil { left += " · " + state.currentNodePath }
        var skipped = ""
        if let library = state.library, library.skippedCount > 0 {
            let n = library.skippedCount
            skipped = " \(n) \(n == 1 ? "entry" : "entries") skipped — run steppe validate "
        }
        let skippedWidth = min(DisplayWidth.of(skipped), rect.width)
        let hints = state.library == nil
            ? [(keys: "q", label: "quit", command: Command.quit)] : state.keyMap.hints(in: state.keyContext)
        func width(_ hint: (keys: String, label: String, command: Command)) -> Int {
            DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3
        }
        // The help hint is the way to every other key, so the archive and node give way to it.
        let helpHint = hints.first { $0.command == .toggleHelp }
        let reserved = helpHint.map(width) ?? 0
        let leftWidth = min(DisplayWidth.of(left), max(0, rect.width - skippedWidth - reserved - 1))
        var shown: [(String, String)] = []
        var hintWidth = 0
        var room = rect.width - leftWidth - skippedWidth - reserved - 1
        for hint in hints where hint.command != .toggleHelp {
            let w = width(hint)
            if w > room { break }
            shown.append((hint.keys, hint.label))
            hintWidth += w
            room -= w
        }
        if let helpHint, reserved < rect.width - skippedWidth {
            shown.append((helpHint.keys, helpHint.label))
            hintWidth += reserved
        }

        var x = rect.x
        x += grid.write(fitting: left, x: x, y: rect.y, width: leftWidth, role: .statusBar)
        if skippedWidth > 0 {
            grid.write(fitting: skipped, x: x + 1, y: rect.y, width: min(skippedWidth, rect.maxX - x - 1), role: .statusMessage)
        }
        var hx = rect.maxX - hintWidth
        for (keys, label) in shown {
            hx += grid.write(" " + keys, x: hx, y: rect.y, role: .statusKey)
            hx += grid.write(" " + label + " ", x: hx, y: rect.y, role: .statusBar)
        }
    }
}
