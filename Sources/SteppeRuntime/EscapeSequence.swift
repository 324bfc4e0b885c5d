import SteppeViewModel

/// Reads the characters that followed an Esc into a key, for sequences the terminal description
/// did not list (a TERM that does not match the terminal, modified keys, bracketed paste).
///
/// Handles CSI (`Esc [`) and SS3 (`Esc O`) forms of the arrows, Home, End, Insert, Delete, PgUp,
/// PgDn and F1–F12, with xterm modifiers (`Esc [ 1 ; 5 C` is Ctrl-→); `Esc x` is Alt-x; an unknown
/// sequence is nil, never read as Esc followed by keys.
public enum EscapeSequence {
    public enum Parsed: Sendable, Equatable {
        case key(KeyPress)
        /// `Esc [ 200 ~`: pasted text follows, up to `Esc [ 201 ~`.
        case pasteStart
        case pasteEnd
        case unknown
    }

    public static let pasteEnd: [Character] = ["\u{1B}", "[", "2", "0", "1", "~"]

    /// `rest` is what came after the Esc, all of it that was waiting.
    public static func parse(_ rest: [Character]) -> Parsed {
        guard let first = rest.first else { return .key(.escape) }
        if rest.count == 1 {
            if first == "\u{7F}" || first == "\u{08}" { return .key(KeyPress(.backspace, .alt)) }
            if first == "\r" || first == "\n" { return .key(KeyPress(.enter, .alt)) }
            guard let scalar = first.unicodeScalars.first, scalar.value >= 0x20 else { return .unknown }
            return .key(.alt(first))
        }
        guard first == "[" || first == "O", let final = rest.last else { return .unknown }
        let body = String(rest.dropFirst().dropLast())
        guard body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ";") }) else { return .unknown }
        let params = body.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let modifiers = params.count > 1 ? Modifiers(xtermParameter: params[1] ?? 1) : []
        // `CSI 1 ; m X`: with letters, a first parameter other than 1 is a report (a cursor
        // position, `CSI 12 ; 40 R`), not a key.
        if final != "~", let first = params.first ?? nil, first != 1 { return .unknown }
        let key: Key?
        switch final {
        case "A": key = .up
        case "B": key = .down
        case "C": key = .right
        case "D": key = .left
        case "H": key = .home
        case "F": key = .end
        case "P": key = .function(1)
        case "Q": key = .function(2)
        case "R": key = .function(3)
        case "S": key = .function(4)
        case "Z": return .key(KeyPress(.tab, .shift))
        case "~":
            switch params.first ?? nil {
            case 1, 7: key = .home
            case 2: key = .insert
            case 3: key = .delete
            case 4, 8: key = .end
            case 5: key = .pageUp
            case 6: key = .pageDown
            case 11, 12, 13, 14, 15: key = .function((params[0] ?? 11) - 10)
            case 17, 18, 19, 20, 21: key = .function((params[0] ?? 17) - 11)
            case 23, 24: key = .function((params[0] ?? 23) - 12)
            case 200: return .pasteStart
            case 201: return .pasteEnd
            default: key = nil
            }
        default: key = nil
        }
        guard let key else { return .unknown }
        return .key(KeyPress(key, modifiers))
    }

    /// Whether `rest` is a whole sequence: Alt-x, or a CSI/SS3 form up to its final character.
    public static func isComplete(_ rest: [Character]) -> Bool {
        guard let first = rest.first else { return false }
        if first != "[" && first != "O" { return true }
        guard rest.count >= 2, let last = rest.last?.unicodeScalars.first?.value else { return false }
        return first == "O" || (0x40...0x7E).contains(last)
    }
}
