import SteppeCore

/// A one-line text input: the text, and a cursor between its characters (grapheme clusters).
///
/// While a field has focus it takes keys before the key map does, so any printable character, in any
/// script, is text. Editing keys follow readline: Ctrl-A/E, Ctrl-B/F, Alt-B/F and Ctrl-←/→ for words,
/// Ctrl-W and Alt-Backspace delete a word, Ctrl-U and Ctrl-K to the start and the end.
public struct TextField: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        /// The text changed (so a search can run again).
        case edited
        /// Only the cursor moved.
        case moved
        case submitted(String)
        case cancelled
        /// Not an editing key: the caller may act on it.
        case ignored
    }

    public private(set) var characters: [Character]
    /// 0...characters.count
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(TextField.clean(text))
        cursor = characters.count
    }

    public var text: String { String(characters) }

    public mutating func reduce(_ press: KeyPress) -> Outcome {
        let m = press.modifiers
        switch press.key {
        case .character(let c) where m.isDisjoint(with: [.control, .alt]):
            return insert(String(c))
        case .character(let c) where m == .control:
            switch c {
            case "a": return move(to: 0)
            case "e": return move(to: characters.count)
            case "b": return move(to: cursor - 1)
            case "f": return move(to: cursor + 1)
            case "d": return delete(cursor..<min(cursor + 1, characters.count))
            case "h": return delete(max(0, cursor - 1)..<cursor)
            case "w": return delete(previousWord()..<cursor)
            case "u": return delete(0..<cursor)
            case "k": return delete(cursor..<characters.count)
            case "c", "g": return .cancelled
            default: return .ignored
            }
        case .character(let c) where m == .alt:
            switch c {
            case "b": return move(to: previousWord())
            case "f": return move(to: nextWord())
            case "d": return delete(cursor..<nextWord())
            default: return .ignored
            }
        case .left: return move(to: m.contains(.control) || m.contains(.alt) ? previousWord() : cursor - 1)
        case .right: return move(to: m.contains(.control) || m.contains(.alt) ? nextWord() : cursor + 1)
        case .home: return move(to: 0)
        case .end: return move(to: characters.count)
        case .backspace:
            return m.contains(.alt) || m.contains(.control)
                ? delete(previousWord()..<cursor) : delete(max(0, cursor - 1)..<cursor)
        case .delete: return delete(cursor..<min(cursor + 1, characters.count))
        case .enter: return .submitted(text)
        case .escape: return .cancelled
        default: return .ignored
        }
    }

    /// Inserts typed or pasted text at the cursor; line breaks become spaces, control characters go.
    public mutating func insert(_ text: String) -> Outcome {
        let new = Array(TextField.clean(text))
        guard !new.isEmpty else { return .ignored }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
        return .edited
    }

    private mutating func move(to position: Int) -> Outcome {
        let clamped = min(max(0, position), characters.count)
        guard clamped != cursor else { return .moved }
        cursor = clamped
        return .moved
    }

    private mutating func delete(_ range: Range<Int>) -> Outcome {
        guard !range.isEmpty else { return .moved }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return .edited
    }

    private func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }

    /// The start of the word before the cursor (skipping the spaces and punctuation before it).
    private func previousWord() -> Int {
        var i = cursor
        while i > 0 && !isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0 && isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    /// The end of the word after the cursor.
    private func nextWord() -> Int {
        var i = cursor
        while i < characters.count && !isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count && isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    private static func clean(_ text: String) -> String { TextSanitizer.clean(text) }
}
