import Foundation
import SteppeCore

/// Reads an article page saved as plain text: the site's menus, then title, byline and date, an
/// optional standfirst, the paragraphs, and the site's footer.
///
/// - Menus: everything up to and including the search hint line is dropped; a page saved without
///   them starts at its title.
/// - Footer: dropped from the newsletter line, the "Popular" block or the copyright line, whichever
///   comes first after the body.
/// - Title: the first line left. Lines between it and the date are an author line when they look
///   like names ("By A and B", "A, B"), else the standfirst. An author may also precede the date on
///   its line ("David Trilling Dec 10, 2010").
/// - Body: every later line is a paragraph; a short line with no closing punctuation followed by a
///   paragraph is a heading.
/// - Without a byline, a closing biography ("Ann Smith is a journalist based in Tbilisi.") names
///   the author; the biography stays in the body.
/// - A listing page (an author page, a blog's index, a list of teasers with their own dates) is not an
///   article and is refused with that reason.
public enum SavedPageParser {
    static let searchHint = "You can search using keywords to narrow down the list."

    public static func parse(_ text: String) throws(ImportProblem) -> ArticleDraft {
        var lines = ImportText.split(text, on: "\n").map(ImportText.clean)
        if let hint = lines.firstIndex(where: { $0 == searchHint }) {
            lines.removeSubrange(...hint)
        } else if let first = lines.firstIndex(where: { !$0.isEmpty }), lines[first] == "Skip to main content" {
            throw ImportProblem.menusWithoutSearchLine
        }
        let content = lines.filter { !$0.isEmpty }
        if let listing = listingReason(content) { throw listing }
        guard let end = footerStart(content) else { throw ImportProblem.textNoArticle }
        let article = Array(content[..<end])
        guard let title = article.first else { throw ImportProblem.textNoTitle }
        var draft = ArticleDraft(title: title)

        // The date within the first few lines after the title; what comes between is byline or standfirst.
        var bodyStart = 1
        var between: [String] = []
        for index in 1..<min(article.count, 5) {
            let line = article[index]
            // A paragraph is no date or byline; long lines are not worth parsing as one.
            if line.utf8.count > 160 { break }
            if let date = DateText.parse(line) {
                draft.published = date
                bodyStart = index + 1
                break
            }
            if let (author, date) = authorBeforeDate(line) {
                draft.published = date
                draft.authors = author
                bodyStart = index + 1
                break
            }
            between.append(line)
        }
        if draft.published == nil { between = [] }
        for line in between {
            if draft.authors.isEmpty, let names = Byline.names(line) {
                draft.authors = names
            } else {
                draft.summary = draft.summary.map { $0 + " " + line } ?? line
            }
        }
        var body: [Block] = []
        let paragraphs = Array(article[bodyStart...])
        for (i, line) in paragraphs.enumerated() {
            let next = i + 1 < paragraphs.count ? paragraphs[i + 1] : nil
            body.append(Block(isHeading(line, before: next) ? .heading : .paragraph, line))
        }
        guard body.contains(where: { $0.kind == .paragraph }) else { throw ImportProblem.textNoBody }
        draft.body = body
        if draft.authors.isEmpty, let last = body.last, let author = Byline.biographyName(last.text) {
            draft.authors = [author]
        }
        return draft
    }

    /// Where the footer starts: the newsletter line, "Popular", or the copyright line.
    static func footerStart(_ lines: [String]) -> Int? {
        guard !lines.isEmpty else { return nil }
        for (index, line) in lines.enumerated() where index > 0 {
            if line.hasPrefix("Sign up") && line.contains("newsletter") { return index }
            if line == "Popular" { return index }
            if line.hasPrefix("Eurasianet ©") || line.hasPrefix("Eurasianet (c)") { return index }
        }
        return lines.count
    }

    /// Why the text is a listing rather than an article, if it is one.
    static func listingReason(_ lines: [String]) -> ImportProblem? {
        if let header = lines.prefix(3).first(where: { $0.range(of: #"^.+ \| [0-9][0-9,]* Articles?$"#, options: .regularExpression) != nil }) {
            return .listingPage(header: header)
        }
        // Teasers: three or more date lines, each under its own title, before any footer.
        let body = lines[..<(footerStart(lines) ?? lines.count)]
        let dated = body.filter { $0.utf8.count <= 120 && (DateText.parse($0) != nil || authorBeforeDate($0) != nil) }.count
        if dated >= 3 { return .listingTeasers(count: dated) }
        return nil
    }

    /// "David Trilling Dec 10, 2010": names, then a date of three words.
    static func authorBeforeDate(_ line: String) -> ([String], PublishedDate)? {
        let words = line.split(separator: " ")
        guard words.count >= 4 else { return nil }
        let dateText = words.suffix(3).joined(separator: " ")
        guard let date = DateText.parse(dateText), let names = Byline.names(words.dropLast(3).joined(separator: " "))
        else { return nil }
        return (names, date)
    }

    static func isHeading(_ line: String, before next: String?) -> Bool {
        guard let next, line.utf8.count <= 320, line.count <= 80, next.utf8.count > line.utf8.count, let last = line.last
        else { return false }
        return !".!?:;,\"”»)…".contains(last) && line.first?.isUppercase == true && line.split(separator: " ").count <= 12
    }
}

/// Author names in bylines and biographies.
enum Byline {
    /// "By Ann Smith and Giorgi Lomsadze", "Fin DePencier, Katia Galati", "Анна Смирнова": names, or nil
    /// when the line is not a byline.
    static func names(_ line: String) -> [String]? {
        var text = line
        for prefix in ["By ", "by ", "Автор: ", "Авторы: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        guard !text.isEmpty, text.count <= 120 else { return nil }
        let parts = text.replacingOccurrences(of: " and ", with: ", ").replacingOccurrences(of: " и ", with: ", ")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty, parts.allSatisfy(isName) else { return nil }
        return parts
    }

    /// Two to four capitalised words, letters and inner hyphens or apostrophes only.
    static func isName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...4).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" || $0 == "." }
        }
    }

    /// The person a closing biography is about: "Ann Smith is a journalist based in Tbilisi."
    static func biographyName(_ text: String) -> String? {
        guard text.count <= 300 else { return nil }
        let roles = [
            "journalist", "writer", "reporter", "correspondent", "editor", "analyst", "researcher", "photographer",
            "freelance", "scholar", "журналист", "корреспондент", "редактор",
        ]
        for verb in [" is a ", " is an ", " — "] {
            guard let range = text.range(of: verb) else { continue }
            let name = String(text[..<range.lowerBound])
            let rest = text[range.upperBound...].lowercased()
            if isName(name), roles.contains(where: { rest.contains($0) }) { return name }
        }
        return nil
    }
}

/// Text as it comes out of pages and feeds, made fit for the archive.
///
/// Works on UTF-8 bytes and fixed tables rather than Unicode property lookups: an import cleans
/// hundreds of megabytes of text, and the property tables cost tens of nanoseconds a character.
enum ImportText {
    /// Control characters removed (as for display), every kind of space made a plain one, runs of
    /// spaces collapsed, ends trimmed.
    static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        let sanitized = TextSanitizer.clean(text)
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in sanitized.unicodeScalars {
            if isSpace(scalar.value) {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace {
                result.append(" ")
                pendingSpace = false
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// Already clean, as most text is: no space at either end or two in a row, and only characters
    /// that neither the sanitiser nor the space rules touch: printable ASCII, the two-byte letters of
    /// Latin, Greek, Cyrillic, Armenian and Hebrew (U+00C0–U+05FF), and the dashes, quotes and
    /// ellipsis of U+2010–U+2027.
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var previousSpace = true
            var i = 0
            let count = bytes.count
            while i < count {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte == 0x20 {
                        if previousSpace { return false }
                        previousSpace = true
                    } else if byte < 0x20 || byte == 0x7F {
                        return false
                    } else {
                        previousSpace = false
                    }
                    i += 1
                } else if byte >= 0xC3 && byte <= 0xD7 {
                    previousSpace = false
                    i += 2
                } else if byte == 0xE2, i + 2 < count, bytes[i + 1] == 0x80, (0x90...0xA7).contains(bytes[i + 2]) {
                    previousSpace = false
                    i += 3
                } else {
                    return false
                }
            }
            return !previousSpace || count == 0
        }
    }

    static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether `text` holds `needle`, compared byte for byte.
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in
            needle.withUTF8 { needle in
                guard needle.count > 0, haystack.count >= needle.count else { return needle.isEmpty }
                var start = haystack.baseAddress!
                let last = haystack.baseAddress! + (haystack.count - needle.count)
                while start <= last {
                    guard let hit = memchr(start, Int32(needle[0]), last - start + 1) else { return false }
                    let candidate = hit.assumingMemoryBound(to: UInt8.self)
                    if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
                    start = UnsafePointer(candidate) + 1
                }
                return false
            }
        }
    }

    /// Splits on a separator string, byte for byte.
    static func split(_ text: String, on separator: String) -> [String] {
        var parts: [String] = []
        var text = text
        let separator = Array(separator.utf8)
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else {
                parts.append("")
                return
            }
            var start = 0
            var from = 0
            // memchr finds each candidate first byte; the rest of the separator is compared after it.
            while from + separator.count <= bytes.count,
                let hit = memchr(base + from, Int32(separator[0]), bytes.count - from - separator.count + 1)
            {
                let i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if separator.count == 1 || separator.indices.allSatisfy({ bytes[i + $0] == separator[$0] }) {
                    parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    start = i + separator.count
                    from = start
                } else {
                    from = i + 1
                }
            }
            parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
        }
        return parts
    }
}
