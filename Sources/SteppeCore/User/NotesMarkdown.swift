/// Notes as Markdown, for writing with: one section per article (title, date, link, regions, labels),
/// then each note, its quote as a blockquote first.
public enum NotesMarkdown {
    /// What is known of an article when the notes are written out: from the archive when it still
    /// holds the article, else as it was when noted.
    public struct ArticleInfo: Sendable, Equatable {
        public var title: String
        public var published: PublishedDate?
        public var url: String
        public var regions: [String]
        public var isMissing: Bool

        public init(title: String, published: PublishedDate?, url: String, regions: [String], isMissing: Bool) {
            self.title = title
            self.published = published
            self.url = url
            self.regions = regions
            self.isMissing = isMissing
        }
    }

    /// Articles with notes or a bookmark, the one acted on last first; under each, its notes in
    /// reading order, each introduced by its quote (a blockquote) or by where it is.
    public static func render(_ export: UserExport, info: (String) -> ArticleInfo, strings: Strings) -> String {
        var notesByArticle: [String: [Note]] = [:]
        for note in export.notes { notesByArticle[note.articleID, default: []].append(note) }
        let bookmarks = Dictionary(export.bookmarks.map { ($0.articleID, $0) }, uniquingKeysWith: { a, _ in a })
        func latest(_ id: String) -> Stamp {
            max(notesByArticle[id]?.map { $0.updatedAt ?? $0.createdAt ?? 0 }.max() ?? 0, bookmarks[id]?.createdAt ?? 0)
        }
        let order = Set(notesByArticle.keys).union(bookmarks.keys).sorted { a, b in (latest(a), b) > (latest(b), a) }
        var out = "# " + strings.notesTitle + "\n"
        for id in order {
            let article = info(id)
            out += "\n## " + inline(article.title) + "\n\n"
            var facts: [String] = []
            if let date = article.published { facts.append(strings.longDate(date)) }
            if !article.url.isEmpty { facts.append("<" + link(article.url) + ">") }
            if !article.regions.isEmpty { facts.append(article.regions.map(inline).joined(separator: ", ")) }
            if article.isMissing { facts.append("*" + strings.missingFromArchive + "*") }
            if let bookmark = bookmarks[id] {
                facts.append(strings.bookmarksTitle + (bookmark.labels.isEmpty ? "" : ": " + bookmark.labels.map(inline).joined(separator: ", ")))
            }
            if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n" }
            let notes = (notesByArticle[id] ?? []).sorted {
                ($0.anchor?.block ?? -1, $0.createdAt ?? 0, $0.id) < ($1.anchor?.block ?? -1, $1.createdAt ?? 0, $1.id)
            }
            for note in notes {
                out += "\n"
                if let anchor = note.anchor, !anchor.quote.isEmpty {
                    out += "> " + inline(anchor.quote) + "\n\n"
                } else if let anchor = note.anchor {
                    // The paragraph's opening, so the note says what it is about without the article.
                    let opening = anchor.after.isEmpty ? "" : ": " + strings.quoted(inline(anchor.after) + "…")
                    out += "*" + strings.paragraphNumber(anchor.block + 1) + opening + "*\n\n"
                } else {
                    out += "*" + strings.noteOnArticle + "*\n\n"
                }
                // Line breaks the reader typed stay line breaks (a backslash at the end of a line).
                let lines = note.text.split(separator: "\n", omittingEmptySubsequences: false).map { TextSanitizer.clean(String($0)) }
                for (i, line) in lines.enumerated() {
                    let continues = i + 1 < lines.count && !line.isEmpty && !lines[i + 1].isEmpty
                    out += line + (continues ? "\\" : "") + "\n"
                }
            }
        }
        return out
    }

    /// A link as an autolink's content: nothing a terminal would act on, nothing that ends the link.
    static func link(_ url: String) -> String {
        var out = ""
        for c in TextSanitizer.clean(url) {
            switch c {
            case " ": out += "%20"
            case "<": out += "%3C"
            case ">": out += "%3E"
            default: out.append(c)
            }
        }
        return out
    }

    /// One line of text: no line breaks or control characters, and no Markdown of its own.
    static func inline(_ text: String) -> String {
        var out = ""
        for c in TextSanitizer.clean(text) {
            if "\\`*_[]<>#|".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
