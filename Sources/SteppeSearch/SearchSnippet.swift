import SteppeCore

extension SearchSnippet {
    /// The first paragraph (standfirst first) holding a word of the query, cut to `width` columns
    /// around it with "…" where text was left out; the opening of the text when nothing matches.
    public static func make(_ article: Article, query: SearchQuery, width: Int) -> SearchSnippet {
        let paragraphs = ([article.summary].compactMap { $0 } + article.body.map(\.text)).map(TextSanitizer.clean)
        for paragraph in paragraphs {
            let matched = matches(in: paragraph, query)
            guard let first = matched.first else { continue }
            return cut(paragraph, around: first, marking: matched, width: width)
        }
        let opening = paragraphs.first ?? ""
        return cut(opening, around: opening.startIndex..<opening.startIndex, marking: [], width: width)
    }

    /// The display columns of the query's words in a title, as the list draws it (cleaned).
    public static func titleHighlights(_ title: String, query: SearchQuery) -> [Range<Int>] {
        let clean = TextSanitizer.clean(title)
        let matched = matches(in: clean, query)
        guard let first = matched.first else { return [] }
        return cut(clean, around: first, marking: matched, width: Int.max / 2).highlights
    }

    /// The words of `text` the query's positive words and prefixes match.
    static func matches(in text: String, _ query: SearchQuery) -> [Range<String.Index>] {
        var words = Set<String>()
        var prefixes: [String] = []
        for clause in query.positiveClauses {
            for term in clause.alternatives {
                switch term {
                case .word(let word, let isPrefix): if isPrefix { prefixes.append(word) } else { words.insert(word) }
                case .phrase(let phrase): words.formUnion(phrase)
                }
            }
        }
        return wordSpans(text).filter { span in
            let folded = SearchText.fold(String(text[span]))
            return words.contains(SearchText.stem(folded)) || prefixes.contains { folded.hasPrefix($0) }
        }
    }

    static func wordSpans(_ text: String) -> [Range<String.Index>] {
        var spans: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let isWord = text[index].unicodeScalars.first.map(SearchText.isWordScalar) ?? false
            if isWord, start == nil { start = index }
            if !isWord, let s = start {
                spans.append(s..<index)
                start = nil
            }
            index = text.index(after: index)
        }
        if let s = start { spans.append(s..<text.endIndex) }
        return spans
    }

    /// A window of `width` columns that starts a little before `focus`.
    static func cut(_ text: String, around focus: Range<String.Index>, marking: [Range<String.Index>], width: Int) -> SearchSnippet {
        guard width > 2 else { return SearchSnippet(text: "", highlights: []) }
        // Up to a third of the width before the match, back to a word's start.
        var start = focus.lowerBound
        var before = 0
        while start > text.startIndex {
            let previous = text.index(before: start)
            let w = DisplayWidth.of(text[previous])
            if before + w > width / 3 { break }
            before += w
            start = previous
        }
        while start > text.startIndex, start < focus.lowerBound, !text[text.index(before: start)].isWhitespace {
            start = text.index(after: start)
        }
        var result = start > text.startIndex ? "…" : ""
        var column = DisplayWidth.of(result)
        var highlights: [Range<Int>] = []
        var index = start
        var open: Int?
        while index < text.endIndex {
            let character = text[index]
            let w = DisplayWidth.of(character)
            let remaining = text.index(after: index) < text.endIndex
            if column + w > width - (remaining ? 1 : 0) {
                result += "…"
                break
            }
            if marking.contains(where: { $0.lowerBound == index }) { open = column }
            result.append(character)
            column += w
            index = text.index(after: index)
            if let o = open, marking.contains(where: { $0.upperBound == index }) {
                highlights.append(o..<column)
                open = nil
            }
        }
        if let o = open { highlights.append(o..<column) }
        return SearchSnippet(text: result, highlights: highlights)
    }
}
