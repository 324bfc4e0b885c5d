/// Makes archive text safe and predictable to draw.
///
/// Control characters (escape sequences included) never reach the terminal, so a hostile archive cannot
/// drive it. Zero-width joiners and variation selectors are dropped because terminals disagree on the
/// width of the sequences they form. Line and paragraph separators, tabs and newlines become spaces.
public enum TextSanitizer {
    public static func clean(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x09 || v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                if !lastWasSpace { scalars.append(" ") }
                lastWasSpace = true
                continue
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x200D || (0xFE00...0xFE0F).contains(v)
                || (0xE0100...0xE01EF).contains(v)
            {
                continue
            }
            if scalar.properties.generalCategory == .format { continue }
            scalars.append(scalar)
            lastWasSpace = v == 0x20
        }
        return String(scalars)
    }
}
