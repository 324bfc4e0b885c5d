import SteppeCore
import SteppeViewModel

/// A screen's worth of cells. Views draw into it; the backend draws it, or only what changed.
public struct Grid: Sendable, Equatable {
    public let size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill role: StyleRole = .base) {
        self.size = Size(width: max(0, size.width), height: max(0, size.height))
        cells = Array(repeating: Cell(" ", role: role), count: self.size.width * self.size.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * size.width + x] }
        set { cells[y * size.width + x] = newValue }
    }

    public func row(_ y: Int) -> ArraySlice<Cell> { cells[(y * size.width)..<((y + 1) * size.width)] }

    /// Fills a rectangle with blanks of a role.
    public mutating func fill(_ rect: Rect, role: StyleRole, modifiers: StyleModifiers = []) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { self[x, y] = Cell(" ", role: role, modifiers: modifiers) }
        }
    }

    /// Gives the cells of a rectangle another role, keeping what they show.
    public mutating func restyle(_ rect: Rect, role: StyleRole, modifiers: StyleModifiers = []) {
        let clipped = clip(rect)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                self[x, y].role = role
                self[x, y].modifiers = modifiers
            }
        }
    }

    /// Writes text from (x, y), never past `limit` columns (nor the grid's edge); returns the columns used.
    /// Every write is sanitized here, so no control character or escape sequence can reach the terminal
    /// whatever a view passes. A wide character that would straddle the edge becomes a space.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, x: Int, y: Int, role: StyleRole, modifiers: StyleModifiers = [], limit: Int? = nil
    ) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let end = min(size.width, x + (limit ?? size.width))
        var column = x
        for character in TextSanitizer.clean(String(text)) {
            let w = DisplayWidth.of(character)
            if w == 0 {
                continue
            }
            if column + w > end {
                if column < end { self[column, y] = Cell(" ", role: role, modifiers: modifiers); column += 1 }
                break
            }
            if column >= 0 {
                clearWide(at: column, y: y)
                self[column, y] = Cell(character, width: UInt8(w), role: role, modifiers: modifiers)
                if w == 2 {
                    clearWide(at: column + 1, y: y)
                    self[column + 1, y] = .continuation(role, modifiers)
                }
            }
            column += w
        }
        return column - x
    }

    /// Writes text cut with "…" to fit `width` columns, then pads the rest with spaces of the same role.
    @discardableResult
    public mutating func write(
        fitting text: String, x: Int, y: Int, width: Int, role: StyleRole, modifiers: StyleModifiers = []
    ) -> Int {
        guard width > 0 else { return 0 }
        let used = write(DisplayWidth.truncate(text, to: width), x: x, y: y, role: role, modifiers: modifiers, limit: width)
        if used < width { fill(Rect(x: x + used, y: y, width: width - used, height: 1), role: role, modifiers: modifiers) }
        return used
    }

    /// Writing over half of a wide character blanks its other half.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < size.width else { return }
        let cell = self[x, y]
        if cell.isContinuation, x > 0 {
            self[x - 1, y] = Cell(" ", role: self[x - 1, y].role, modifiers: self[x - 1, y].modifiers)
        } else if cell.width == 2, x + 1 < size.width {
            self[x + 1, y] = Cell(" ", role: cell.role, modifiers: cell.modifiers)
        }
    }

    private func clip(_ r: Rect) -> Rect {
        let x0 = max(0, r.x)
        let y0 = max(0, r.y)
        let x1 = min(size.width, r.maxX)
        let y1 = min(size.height, r.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The screen as text, one string per row, trailing spaces removed. What screen tests compare.
    public var lines: [String] {
        (0..<size.height).map { y in
            var line = ""
            for cell in row(y) where !cell.isContinuation { line.append(cell.character) }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The rows whose cells differ from `other`'s; all of them when the sizes differ.
    public func changedRows(since other: Grid?) -> [Int] {
        guard let other, other.size == size else { return Array(0..<size.height) }
        return (0..<size.height).filter { row($0) != other.row($0) }
    }
}
