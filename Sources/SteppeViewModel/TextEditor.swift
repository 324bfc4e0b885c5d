import SteppeCore

/// A multi-line text input: lines of characters (grapheme clusters) and a cursor, wrapped to a width
/// by display columns, so Cyrillic takes one column a letter and CJK two.
///
/// Takes every printable key as text, in any script. Arrows move by character and by wrapped row,
/// Home/End (and Ctrl-A/E) go to the ends of the row, Enter starts a new line, Backspace/Delete join
/// lines at their ends. Saving and discarding are the key map's business, not the editor's.
public struct TextEditor: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case edited, moved, ignored
    }

    /// A row on screen: characters `start..<end` of logical line `line`.
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var start: Int
        public var end: Int
    }

    public private(set) var lines: [[Character]]
    public private(set) var line = 0
    public private(set) var column = 0
    /// The wrap width, in display columns.
    public private(set) var width: Int
    /// The first row shown.
    public private(set) var scroll = 0
    /// The display column kept while moving up and down through shorter rows.
    private var goal: Int?

    /// The longest text the editor takes (characters); longer notes are edited in $VISUAL.
    public static let maximumLength = 100_000

    public init(_ text: String = "", width: Int = 40) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array(TextEditor.clean(String($0))) }
        if lines.isEmpty { lines = [[]] }
        self.width = max(1, width)
        line = lines.count - 1
        column = lines[line].count
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    // MARK: Wrapping

    /// Every row of the text wrapped to `width`: a row breaks after the last space that fits, or
    /// between characters in a word wider than the row. Spaces stay in their row, so every character
    /// has a place and the cursor maps to exactly one row.
    public var rows: [Row] {
        var rows: [Row] = []
        for (index, characters) in lines.enumerated() {
            var start = 0
            while true {
                var used = 0
                var end = start
                var lastBreak: Int?
                while end < characters.count {
                    let w = DisplayWidth.of(characters[end])
                    if used + w > width && end > start { break }
                    used += w
                    if characters[end] == " " { lastBreak = end + 1 }
                    end += 1
                }
                if end < characters.count, let lastBreak, lastBreak > start { end = lastBreak }
                // The row the cursor may sit at the end of is the last one; a full row keeps room for it.
                rows.append(Row(line: index, start: start, end: end))
                if end >= characters.count { break }
                start = end
            }
        }
        return rows
    }

    /// The cursor's row and display column on screen.
    public var cursorPlace: (row: Int, column: Int) {
        let rows = self.rows
        let row = rowIndex(in: rows)
        let r = rows[row]
        return (row, displayWidth(lines[line][r.start..<column]))
    }

    private func rowIndex(in rows: [Row]) -> Int {
        // The last row of the line that starts at or before the cursor.
        rows.lastIndex { $0.line == line && $0.start <= column } ?? 0
    }

    private func displayWidth(_ characters: ArraySlice<Character>) -> Int { characters.reduce(0) { $0 + DisplayWidth.of($1) } }

    // MARK: Editing

    public mutating func reduce(_ press: KeyPress) -> Outcome {
        let m = press.modifiers
        switch press.key {
        case .character(let c) where m.isDisjoint(with: [.control, .alt]):
            return insert(String(c))
        case .character("a") where m == .control: return moveToRowEdge(start: true)
        case .character("e") where m == .control: return moveToRowEdge(start: false)
        case .character("d") where m == .control: return deleteForward()
        case .character("h") where m == .control: return deleteBackward()
        case .enter:
            return insert("\n")
        case .backspace: return deleteBackward()
        case .delete: return deleteForward()
        case .left: return moveHorizontally(by: -1)
        case .right: return moveHorizontally(by: 1)
        case .up: return moveVertically(by: -1)
        case .down: return moveVertically(by: 1)
        case .home: return moveToRowEdge(start: true)
        case .end: return moveToRowEdge(start: false)
        case .tab: return insert("    ")
        default: return .ignored
        }
    }

    /// Inserts typed or pasted text at the cursor: line breaks start new lines, tabs become spaces,
    /// other control characters go.
    public mutating func insert(_ text: String) -> Outcome {
        let parts = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .replacingOccurrences(of: "\t", with: "    ")
            .split(separator: "\n", omittingEmptySubsequences: false).map { Array(TextEditor.clean(String($0))) }
        guard parts.count > 1 || !(parts.first ?? []).isEmpty else { return .ignored }
        let tail = Array(lines[line][column...])
        lines[line].removeSubrange(column...)
        lines[line].append(contentsOf: parts[0])
        if parts.count == 1 {
            column = lines[line].count
            lines[line].append(contentsOf: tail)
        } else {
            var newLines = Array(parts.dropFirst())
            column = newLines[newLines.count - 1].count
            newLines[newLines.count - 1].append(contentsOf: tail)
            lines.insert(contentsOf: newLines, at: line + 1)
            line += newLines.count
        }
        // Characters typed one code point at a time (a flag's two letters, an emoji and its skin tone)
        // join into one character with what is before them, as they would have arrived pasted.
        let before = String(lines[line][..<column])
        let joined = Array(before + String(lines[line][column...]))
        if joined.count != lines[line].count {
            lines[line] = joined
            column = min(Array(before).count, joined.count)
        }
        goal = nil
        return .edited
    }

    private mutating func deleteBackward() -> Outcome {
        goal = nil
        if column > 0 {
            lines[line].remove(at: column - 1)
            column -= 1
            return .edited
        }
        guard line > 0 else { return .moved }
        let current = lines.remove(at: line)
        line -= 1
        column = lines[line].count
        lines[line].append(contentsOf: current)
        return .edited
    }

    private mutating func deleteForward() -> Outcome {
        goal = nil
        if column < lines[line].count {
            lines[line].remove(at: column)
            return .edited
        }
        guard line + 1 < lines.count else { return .moved }
        lines[line].append(contentsOf: lines.remove(at: line + 1))
        return .edited
    }

    private mutating func moveHorizontally(by step: Int) -> Outcome {
        goal = nil
        if step < 0 {
            if column > 0 { column -= 1 } else if line > 0 { line -= 1; column = lines[line].count }
        } else {
            if column < lines[line].count { column += 1 } else if line + 1 < lines.count { line += 1; column = 0 }
        }
        return .moved
    }

    private mutating func moveVertically(by step: Int) -> Outcome {
        let rows = self.rows
        let current = rowIndex(in: rows)
        let target = current + step
        let wanted = goal ?? cursorPlace.column
        guard rows.indices.contains(target) else {
            // Past the first or last row: to the start or the end of the text, like most editors.
            (line, column) = step < 0 ? (0, 0) : (lines.count - 1, lines[lines.count - 1].count)
            goal = nil
            return .moved
        }
        let row = rows[target]
        var i = row.start
        var used = 0
        let last = target + 1 < rows.count && rows[target + 1].line == row.line ? row.end - 1 : row.end
        while i < last {
            let w = DisplayWidth.of(lines[row.line][i])
            if used + w > wanted { break }
            used += w
            i += 1
        }
        line = row.line
        column = i
        goal = wanted
        return .moved
    }

    private mutating func moveToRowEdge(start: Bool) -> Outcome {
        let rows = self.rows
        let index = rowIndex(in: rows)
        let row = rows[index]
        let continues = index + 1 < rows.count && rows[index + 1].line == row.line
        column = start ? row.start : (continues ? row.end - 1 : row.end)
        goal = nil
        return .moved
    }

    // MARK: Layout

    /// Sets the wrap width and the rows on screen, and keeps the cursor's row in view.
    public mutating func layout(width: Int, visible: Int) {
        self.width = max(1, width)
        let rows = self.rows
        scroll = ScrollMath.clamp(scroll: scroll, selected: rowIndex(in: rows), count: rows.count, visible: visible)
    }

    /// What is typed or pasted is kept as it is (flags, joined emoji), less control characters:
    /// substitutions for the screen are the grid's business, not the note's.
    private static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) {
            scalars.append(scalar)
        }
        return String(scalars)
    }
}
