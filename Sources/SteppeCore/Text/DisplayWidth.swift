/// Terminal column widths of text: CJK and emoji 2, combining marks 0, everything else 1.
///
/// Computed here, not by `wcwidth`, so that layout does not depend on the process locale and matches
/// what glibc, ncurses and tmux draw for the scripts we care about (Latin, Cyrillic, CJK, emoji).
public enum DisplayWidth {
    public static func of(_ character: Character) -> Int {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        return of(first)
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return v >= 0x20 ? 1 : 0 }
        if v < 0xA0 { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || v == 0x200B { return 0 }
        if isWide(v) || (v >= 0x1F000 && scalar.properties.isEmojiPresentation) { return 2 }
        return 1
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// East Asian Wide and Fullwidth ranges (Unicode 15). Emoji above U+1F000 are wide exactly when they
    /// have emoji presentation, which `of(_:)` asks the scalar's properties.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
            0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD,
            0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0,
            0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
            0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F200...0x1F251, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Whether a line may break before or after this character without a space (CJK ideographs and kana).
    static func breaksAnywhere(_ character: Character) -> Bool {
        guard let v = character.unicodeScalars.first?.value else { return false }
        return (0x2E80...0x9FFF).contains(v) || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x20000...0x3FFFD).contains(v)
    }

    /// Cuts text to at most `width` columns, ending with "…" when anything was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let w = of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        if index == text.endIndex { return text }
        // Make room for the ellipsis.
        result = String(text[..<index])
        while !result.isEmpty && of(result) + 1 > width { result.removeLast() }
        // "a short history of the…", not "of the …".
        while result.last?.isWhitespace == true { result.removeLast() }
        return result + "…"
    }

    /// Pads with spaces (or truncates) to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let t = truncate(text, to: width)
        let w = of(t)
        return w < width ? t + String(repeating: " ", count: width - w) : t
    }
}
