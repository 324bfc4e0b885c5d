/// Words of a text, as character ranges: runs of letters, digits and the marks and joiners inside a
/// word (apostrophes, hyphens), in any script. CJK ideographs count one word each, since they are
/// written without spaces.
public enum Words {
    public static func ranges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        let characters = Array(text)
        for (i, c) in characters.enumerated() {
            let isIdeograph = c.unicodeScalars.first.map { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) } ?? false
            let isWord = c.isLetter || c.isNumber
                || ((c == "'" || c == "’" || c == "-") && start != nil && i + 1 < characters.count
                    && (characters[i + 1].isLetter || characters[i + 1].isNumber))
            if isIdeograph {
                if let s = start { ranges.append(s..<i) }
                ranges.append(i..<(i + 1))
                start = nil
            } else if isWord {
                if start == nil { start = i }
            } else if let s = start {
                ranges.append(s..<i)
                start = nil
            }
        }
        if let s = start { ranges.append(s..<characters.count) }
        return ranges
    }
}
