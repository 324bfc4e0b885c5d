import SteppeCore
import SteppeViewModel

/// A one-line text input: a prompt, the text scrolled sideways so the cursor stays in view, and the cursor.
///
/// Measured in display columns, so Cyrillic takes one column a letter and CJK two.
public struct TextFieldView {
    public var prompt: String
    public var field: TextField
    public var isFocused: Bool

    public init(prompt: String, field: TextField, isFocused: Bool) {
        self.prompt = prompt
        self.field = field
        self.isFocused = isFocused
    }

    public func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0, rect.width > 0 else { return }
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), role: .base)
        let promptWidth = grid.write(prompt, x: rect.x, y: rect.y, role: .statusKey, limit: max(0, rect.width - 2))
        let x = rect.x + promptWidth
        let width = rect.width - promptWidth
        guard width > 1 else { return }
        let characters = field.characters
        let widths = characters.map { DisplayWidth.of($0) }
        // Start as far left as possible while the cursor (one more column) still fits.
        var first = 0
        var used = widths[..<field.cursor].reduce(0, +) + 1
        while used > width && first < field.cursor {
            used -= widths[first]
            first += 1
        }
        var column = x
        for i in first..<characters.count {
            guard column + widths[i] <= x + width else { break }
            let role: StyleRole = i == field.cursor && isFocused ? .selection : .base
            column += grid.write(String(characters[i]), x: column, y: rect.y, role: role)
        }
        if field.cursor == characters.count && isFocused && column < x + width {
            grid.write(" ", x: column, y: rect.y, role: .selection)
        }
    }
}
