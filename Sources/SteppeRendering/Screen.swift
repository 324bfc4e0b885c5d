import SteppeCore
import SteppeViewModel

/// The one entry point of rendering: a state in, a grid of styled cells out. Pure.
public enum Screen {
    public static func render(_ state: AppState) -> Grid {
        var grid = Grid(size: state.size)
        let layout = state.layout
        if layout.mode == .tooSmall {
            TooSmallView.draw(into: &grid)
            return grid
        }
        if state.library == nil {
            LoadingView.draw(state, into: &grid)
        } else if state.help != nil {
            HelpView.draw(state, into: &grid)
        } else {
            if let rect = layout.menu { MenuView.draw(state, in: rect, into: &grid) }
            if let rect = layout.list { ArticleListView.draw(state, in: rect, into: &grid) }
            if let rect = layout.article { ArticlePaneView.draw(state, in: rect, into: &grid) }
            drawSeparators(layout, into: &grid)
        }
        StatusBarView.draw(state, in: layout.status, into: &grid)
        return grid
    }

    /// A vertical rule left of each pane that does not start at the left edge.
    private static func drawSeparators(_ layout: ScreenLayout, into grid: inout Grid) {
        for pane in layout.visiblePanes {
            guard let rect = layout.rect(of: pane), rect.x > 0 else { continue }
            for y in rect.y..<rect.maxY { grid.write("│", x: rect.x - 1, y: y, role: .separator) }
        }
    }
}

/// The first row of every pane: its name, and what it shows, highlighted when the pane has focus.
enum PaneTitle {
    static func draw(_ left: String, right: String = "", focused: Bool, in rect: Rect, into grid: inout Grid) {
        let role: StyleRole = focused ? .paneTitleFocused : .paneTitle
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: role)
        let rightText = right.isEmpty ? "" : " " + right + " "
        let rightWidth = min(DisplayWidth.of(rightText), max(0, rect.width - 4))
        grid.write(fitting: " " + left, x: rect.x, y: rect.y, width: rect.width - rightWidth, role: role)
        if rightWidth > 0 {
            grid.write(rightText, x: rect.maxX - rightWidth, y: rect.y, role: role, limit: rightWidth)
        }
    }
}

/// Shown instead of everything else when the terminal is below the minimum size.
enum TooSmallView {
    static func draw(into grid: inout Grid) {
        let size = grid.size
        guard size.width > 0, size.height > 0 else { return }
        let m = ScreenLayout.minimum
        let message = "terminal too small (need \(m.width)×\(m.height))"
        let width = min(DisplayWidth.of(message), size.width)
        grid.write(fitting: message, x: (size.width - width) / 2, y: size.height / 2, width: width, role: .warning)
    }
}

/// The first screen of a large new archive, while its index is built.
enum LoadingView {
    static func draw(_ state: AppState, into grid: inout Grid) {
        let size = grid.size
        let width = min(60, size.width - 4)
        let x = (size.width - width) / 2
        let y = max(0, size.height / 2 - 2)
        grid.write(fitting: "Opening \(state.archiveLabel)", x: x, y: y, width: width, role: .articleTitle)
        guard let loading = state.loading, loading.bytesTotal > 0 else {
            grid.write(fitting: "Reading the archive…", x: x, y: y + 2, width: width, role: .body)
            return
        }
        let fraction = min(1, Double(loading.bytesDone) / Double(loading.bytesTotal))
        let barWidth = max(1, width - 7)
        let filled = Int(fraction * Double(barWidth))
        grid.write(String(repeating: "█", count: filled), x: x, y: y + 2, role: .progress)
        grid.write(String(repeating: "░", count: barWidth - filled), x: x + filled, y: y + 2, role: .dim)
        grid.write(" \(Int(fraction * 100))%", x: x + barWidth, y: y + 2, role: .body)
        let mb = { (bytes: Int64) in String(Int((Double(bytes) / 1_048_576).rounded())) }
        grid.write(
            fitting: "Indexing articles: \(mb(loading.bytesDone)) of \(mb(loading.bytesTotal)) MB (once per archive)",
            x: x, y: y + 3, width: width, role: .dim)
    }
}
