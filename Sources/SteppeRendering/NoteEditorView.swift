import SteppeCore
import SteppeViewModel

/// The note editor: a box over the middle of the screen with what the note is on, the text wrapped
/// to the box by display width, and the cursor.
struct NoteEditorView {
    var draft: NoteDraft
    var layout: EditorLayout
    var strings: Strings

    func draw(into grid: inout Grid) {
        let box = layout.box
        guard box.width >= 4, box.height >= 4 else { return }
        // A column of space each side, so the pane's margin marks do not crowd the box.
        grid.fill(Rect(x: max(0, box.x - 2), y: box.y, width: box.width + 4, height: box.height), role: .base)
        let title = " " + (draft.isNew ? strings.newNote : strings.editNote) + " "
        let top = "╭─" + DisplayWidth.truncate(title, to: box.width - 4)
        grid.write(top + String(repeating: "─", count: max(0, box.width - 1 - DisplayWidth.of(top))) + "╮", x: box.x, y: box.y, role: .noteBox)
        for y in (box.y + 1)..<(box.maxY - 1) {
            grid.write("│", x: box.x, y: y, role: .noteBox)
            grid.write("│", x: box.maxX - 1, y: y, role: .noteBox)
        }
        grid.write("╰" + String(repeating: "─", count: max(0, box.width - 2)) + "╯", x: box.x, y: box.maxY - 1, role: .noteBox)
        let inner = box.width - 4
        grid.write(fitting: DisplayWidth.truncate(draft.article.title, to: inner), x: box.x + 2, y: box.y + 1, width: inner, role: .articleTitle)
        grid.write(fitting: DisplayWidth.truncate(draft.place, to: inner), x: box.x + 2, y: box.y + 2, width: inner, role: .byline)

        let text = layout.text
        let editor = draft.editor
        let rows = editor.rows
        let cursor = editor.cursorPlace
        for line in 0..<text.height {
            let index = editor.scroll + line
            guard index < rows.count else { break }
            let row = rows[index]
            let characters = editor.lines[row.line][row.start..<row.end]
            grid.write(String(characters), x: text.x, y: text.y + line, role: .noteText, limit: text.width)
        }
        let cursorRow = cursor.row - editor.scroll
        if (0..<text.height).contains(cursorRow) {
            let x = text.x + min(cursor.column, text.width - 1)
            let row = rows[cursor.row]
            let characters = editor.lines[row.line]
            let under = editor.column < characters.count && editor.column < row.end ? String(characters[editor.column]) : " "
            grid.write(under, x: x, y: text.y + cursorRow, role: .textSelection)
        }
    }
}
