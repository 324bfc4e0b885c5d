/// Makes archive text safe and predictable to draw.
///
/// Control characters (escape sequences included) never reach the terminal, so a hostile archive cannot
/// drive it. Zero-width joiners, variation selectors and skin-tone modifiers are dropped, and flags
/// become the country code they spell, because terminals disagree on the width of such sequences.
/// Line and paragraph separators, tabs and newlines become spaces.
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
            // Format characters (Cf) all lie in these ranges; asking for the property only there keeps
            // long non-Latin texts fast.
            if v >= 0xAD && (v == 0xAD || (0x600...0x70F).contains(v) || (0x890...0x8FF).contains(v) || v == 0x180E
                || (0x2000...0x206F).contains(v) || v == 0xFEFF || v >= 0xFFF0)
                && scalar.properties.generalCategory == .format
            {
                continue
            }
            // Skin-tone modifiers: terminals disagree on whether they join the emoji before them.
            if (0x1F3FB...0x1F3FF).contains(v) { continue }
            // Flags are pairs of regional indicators that terminals draw one, two or four columns
            // wide: show the country code they spell instead (🇰🇿 is KZ).
            if (0x1F1E6...0x1F1FF).contains(v) {
                scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(v - 0x1F1E6)))
                lastWasSpace = false
                continue
            }
            scalars.append(scalar)
            lastWasSpace = v == 0x20
        }
        return String(scalars)
    }
}
