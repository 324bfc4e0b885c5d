/// One line of an article around the first place a query matches, with the matched words marked.
public struct SearchSnippet: Sendable, Equatable {
    public var text: String
    /// Display columns of the matched words within `text` (Cyrillic 1 column a letter, CJK 2).
    public var highlights: [Range<Int>]

    public init(text: String, highlights: [Range<Int>]) {
        self.text = text
        self.highlights = highlights
    }

    /// The same line cut to `width` columns for a narrower place: the first match stays in sight, a
    /// third of the way in, and "…" marks text left out at either end.
    public func fitted(to width: Int) -> SearchSnippet {
        guard width > 0 else { return SearchSnippet(text: "", highlights: []) }
        let total = DisplayWidth.of(text)
        if total <= width { return self }
        let focus = highlights.first?.lowerBound ?? 0
        // Start where the match sits a third of the way in, but never so late the end is left blank.
        let wanted = max(0, min(focus - width / 3, total - (width - 1)))
        var column = 0
        var result = ""
        var index = text.startIndex
        while index < text.endIndex, column < wanted {
            column += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        // Begin at a word, not inside one: on to the next word's start, as far as the match.
        while index > text.startIndex, index < text.endIndex, column < focus, !text[text.index(before: index)].isWhitespace {
            column += DisplayWidth.of(text[index])
            index = text.index(after: index)
        }
        let start = column
        var used = 0
        if start > 0 {
            result = "…"
            used = 1
        }
        let shift = start - used
        var end = 0
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            let isLast = text.index(after: index) == text.endIndex
            if used + w > width - (isLast ? 0 : 1) {
                end = used
                result += "…"
                used += 1
                break
            }
            result.append(text[index])
            used += w
            index = text.index(after: index)
            end = used
        }
        let visible = highlights.compactMap { range -> Range<Int>? in
            let lower = range.lowerBound - shift
            let upper = min(range.upperBound - shift, end)
            guard lower >= (start > 0 ? 1 : 0), lower < upper else { return nil }
            return lower..<upper
        }
        return SearchSnippet(text: result, highlights: visible)
    }
}
