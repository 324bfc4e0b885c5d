/// Word wrapping by display width.
///
/// Breaks at spaces; CJK text also breaks between any two ideographs; a word wider than the line is
/// broken at a character boundary. Each line records the character offset where it starts in the source,
/// so a reading position can be found again after the text is wrapped to another width.
public enum TextWrapper {
    public struct Line: Sendable, Equatable {
        public var text: String
        /// Offset, in characters, of the line's first character in the wrapped text.
        public var start: Int
        public var width: Int
    }

    public static func wrap(_ text: String, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        let characters = Array(text)
        var lines: [Line] = []
        var lineStart = 0
        var index = 0
        // Skip leading spaces.
        while index < characters.count, characters[index] == " " { index += 1 }
        lineStart = index
        var current = ""
        var currentWidth = 0

        func flush(nextStart: Int) {
            var trimmed = current
            var trimmedWidth = currentWidth
            while trimmed.last == " " {
                trimmed.removeLast()
                trimmedWidth -= 1
            }
            lines.append(Line(text: trimmed, start: lineStart, width: trimmedWidth))
            current = ""
            currentWidth = 0
            lineStart = nextStart
        }

        while index < characters.count {
            let c = characters[index]
            if c == " " {
                if currentWidth + 1 <= width {
                    if currentWidth > 0 {
                        current.append(" ")
                        currentWidth += 1
                    }
                } else if currentWidth > 0 {
                    // A space at the end of a full line ends the line.
                    var next = index + 1
                    while next < characters.count, characters[next] == " " { next += 1 }
                    flush(nextStart: next)
                    index = next
                    continue
                }
                index += 1
                if currentWidth == 0 { lineStart = index }
                continue
            }
            // The next unit: one CJK character, or a run of characters up to a space or a CJK character.
            var end = index + 1
            if !DisplayWidth.breaksAnywhere(c) {
                while end < characters.count, characters[end] != " ", !DisplayWidth.breaksAnywhere(characters[end]) {
                    end += 1
                }
            }
            var unitWidth = 0
            for k in index..<end { unitWidth += DisplayWidth.of(characters[k]) }
            if currentWidth + unitWidth <= width {
                for k in index..<end { current.append(characters[k]) }
                currentWidth += unitWidth
                index = end
                continue
            }
            if currentWidth > 0 {
                flush(nextStart: index)
                continue
            }
            // The unit alone is wider than a line: break it by characters.
            while index < end {
                let w = DisplayWidth.of(characters[index])
                if currentWidth + w > width && currentWidth > 0 { flush(nextStart: index) }
                current.append(characters[index])
                currentWidth += w
                index += 1
            }
        }
        if currentWidth > 0 || lines.isEmpty { flush(nextStart: characters.count) }
        return lines
    }
}
