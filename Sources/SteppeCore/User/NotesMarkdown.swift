/// Notes as Markdown, for writing with: one section per article (title, date, link, regions), then
/// each note, its quote as a blockquote first. Articles in the order of their newest note.
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

    public static func render(_ export: UserExport, info: (String) -> ArticleInfo, strings: Strings) -> String {
        var notesByArticle: [String: [Note]] = [:]
        for note in export.notes { notesByArticle[note.articleID, default: []].append(note) }
        let bookmarks = Dictionary(export.bookmarks.map { ($0.articleID, $0) }, uniquingKeysWith: { a, _ in a })
        let order = notesByArticle.keys.sorted { a, b in
            let latest = { (id: String) in notesByArticle[id]!.map { $0.updatedAt ?? $0.createdAt ?? 0 }.max() ?? 0 }
            return (latest(a), b) > (latest(b), a)
        }
        var out = "# " + strings.notesTitle + "\n"
        for id in order {
            let article = info(id)
            out += "\n## " + inline(article.title) + "\n\n"
            var facts: [String] = []
            if let date = article.published { facts.append(strings.longDate(date)) }
            if !article.url.isEmpty { facts.append("<" + article.url.replacingOccurrences(of: ">", with: "%3E") + ">") }
            if !article.regions.isEmpty { facts.append(article.regions.map(inline).joined(separator: ", ")) }
            if article.isMissing { facts.append("*" + strings.missingFromArchive + "*") }
            if let labels = bookmarks[id]?.labels, !labels.isEmpty {
                facts.append(strings.bookmarksTitle + ": " + labels.map(inline).joined(separator: ", "))
            }
            if !facts.isEmpty { out += facts.joined(separator: " · ") + "\n" }
            for note in notesByArticle[id]!.sorted(by: { ($0.anchor?.block ?? -1, $0.createdAt ?? 0) < ($1.anchor?.block ?? -1, $1.createdAt ?? 0) }) {
                out += "\n"
                if let quote = note.anchor?.quote, !quote.isEmpty {
                    out += "> " + inline(quote) + "\n\n"
                }
                out += note.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { TextSanitizer.clean(String($0)) }.joined(separator: "\n") + "\n"
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
