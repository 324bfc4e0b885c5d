/// How the commands print text that came from outside (archive fields, file names, error details):
/// every character that could drive a terminal is shown as a visible escape such as `\u{1B}`, so an
/// id holding an escape sequence prints as harmless text, whether the output is a terminal or a pipe.
///
/// The reader's screen drops such characters instead (`TextSanitizer`); a command keeps them visible,
/// because a script or a person reading `steppe validate` needs to see what the archive holds.
public enum VisibleText {
    /// C0 controls (newline and tab included: a field never spans lines), DEL, C1 controls, and the
    /// bidirectional controls that can reorder what a terminal shows.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// JSON text with every control character escaped: `JSONEncoder` escapes C0 controls inside strings
    /// but writes DEL, C1 and bidirectional controls as they are. Outside strings JSON holds none of
    /// those (only its own whitespace, which stays), so replacing them keeps the document's meaning.
    public static func json(_ json: String) -> String {
        func needsEscape(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x20 && isControl(scalar) }
        guard json.unicodeScalars.contains(where: needsEscape) else { return json }
        var result = ""
        for scalar in json.unicodeScalars {
            if needsEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: false)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
