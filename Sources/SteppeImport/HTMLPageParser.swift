import Foundation
import SteppeCore

/// Reads an article page saved as HTML.
///
/// - Title: `og:title`, else the first `<h1>`, else `<title>` without the site's name.
/// - Authors: `meta name=author`, `rel=author` links, or an element whose class names a byline.
/// - Date: `article:published_time` and similar meta tags, else the first `<time datetime>`.
/// - URL: `<link rel=canonical>`, else `og:url`.
/// - Tags: links to the site's region, topic and section pages, `rel=tag` links and
///   `article:tag`/`article:section` meta tags.
/// - Body: the `<article>` (or an element classed as the article's body, or `<main>`, or `<body>`),
///   as paragraphs, headings, quotes and list items.
public enum HTMLPageParser {
    public static func parse(_ data: Data) throws(ImportProblem) -> ArticleDraft {
        guard let document = HTMLDocument(data), let root = document.root else {
            throw ImportProblem.htmlUnparsable
        }
        var meta: [String: String] = [:]
        var canonical: String?
        var tags: [String] = []
        for node in root.find({ $0.name == "meta" || $0.name == "link" }) {
            if node.name == "link" {
                let rel = (node.attribute("rel") ?? "").lowercased()
                if rel == "canonical", let href = node.attribute("href") { canonical = href }
                continue
            }
            guard let key = (node.attribute("property") ?? node.attribute("name"))?.lowercased(),
                let content = node.attribute("content")
            else { continue }
            if key == "article:tag" || key == "article:section" {
                tags.append(content)
            } else if meta[key] == nil {
                meta[key] = content
            }
        }
        let h1 = root.first { $0.name == "h1" }
        let pageTitle = root.first { $0.name == "title" }.map { siteNameRemoved(ImportText.clean($0.text)) }
        let title = [meta["og:title"], h1.map { ImportText.clean($0.text) }, pageTitle]
            .compactMap { $0.map(ImportText.clean) }.first { !$0.isEmpty }
        guard let title else { throw ImportProblem.htmlNoTitle }

        var draft = ArticleDraft(title: title)
        draft.url = canonical ?? meta["og:url"]
        draft.language = root.attribute("lang").map { String($0.prefix(2)).lowercased() }
        draft.summary = (meta["og:description"] ?? meta["description"]).map(ImportText.clean).flatMap { $0.isEmpty ? nil : $0 }
        let dateKeys = ["article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate"]
        draft.published = dateKeys.lazy.compactMap { meta[$0].flatMap(DateText.parse) }.first
            ?? root.find { $0.name == "time" }.lazy.compactMap { ($0.attribute("datetime") ?? $0.text).trimmed }
            .compactMap(DateText.parse).first
            // A date shown in the page, in an element classed as one ("date", "post-date", "published").
            ?? root.find { node in node.classes.contains { $0.contains("date") || $0 == "published" } }.lazy
            .compactMap { ImportText.clean($0.text).trimmed }.compactMap(DateText.parse).first
        draft.authors = authors(root, meta)

        // Links in the site's navigation name every region: only the article's own count.
        let chrome: Set<String> = ["nav", "header", "footer", "aside"]
        var links: [HTMLNode] = []
        func collect(_ node: HTMLNode) {
            for child in node.elements
            where !chrome.contains(child.name)
                && !SiteChrome.isChrome(classes: child.attribute("class"), id: child.attribute("id"), role: child.attribute("role"))
            {
                if child.name == "a" { links.append(child) } else { collect(child) }
            }
        }
        collect(root)
        for link in links {
            guard let href = link.attribute("href") else { continue }
            let rel = (link.attribute("rel") ?? "").lowercased()
            if rel.split(separator: " ").contains("tag") || TagLink.isTaxonomyLink(href) {
                tags.append(TagLink.slug(href) ?? ImportText.clean(link.text))
            }
        }
        draft.tags = tags

        let container = bodyContainer(root)
        // The body's element goes through the same block rules as a feed item's HTML.
        var body = HTMLBlockReader.blocks(container.outerHTML)
        // The byline and date are shown apart from the text; drop them where they open the body.
        body.removeAll { block in
            draft.authors.contains(block.text) || DateText.parse(block.text) != nil || block.text == title
        }
        // A footer the page did not mark as one ends the text as it does in a page saved as text.
        if let end = SavedPageParser.footerStart(body.map(\.text)), end < body.count { body.removeSubrange(end...) }
        guard body.contains(where: { $0.kind == .paragraph }) else {
            throw ImportProblem.htmlNoBody
        }
        draft.body = body
        return draft
    }

    static func siteNameRemoved(_ title: String) -> String {
        for separator in [" | ", " - ", " — "] {
            if let range = title.range(of: separator, options: .backwards) {
                let site = title[range.upperBound...]
                if site.count <= 30 { return String(title[..<range.lowerBound]) }
            }
        }
        return title
    }

    static func authors(_ root: HTMLNode, _ meta: [String: String]) -> [String] {
        if let author = meta["author"].flatMap({ Byline.names(ImportText.clean($0)) }) { return author }
        let linked = root.find { $0.name == "a" && ($0.attribute("rel") ?? "").lowercased() == "author" }
            .map { ImportText.clean($0.text) }.filter { !$0.isEmpty }
        if !linked.isEmpty { return linked }
        if let byline = root.first({ node in node.classes.contains { $0.contains("byline") || $0 == "author" } }) {
            return Byline.names(ImportText.clean(byline.text)) ?? []
        }
        return []
    }

    static func bodyContainer(_ root: HTMLNode) -> HTMLNode {
        let bodyClasses = ["article-body", "article__body", "field--name-body", "entry-content", "post-content", "story-body"]
        if let marked = root.first({ node in node.classes.contains { bodyClasses.contains($0) } }) { return marked }
        if let article = root.first({ $0.name == "article" }) { return article }
        if let main = root.first({ $0.name == "main" }) { return main }
        return root.first { $0.name == "body" } ?? root
    }
}

/// Links to the site's region, topic and section pages: `/region/tajikistan`, `/topic/security`.
enum TagLink {
    static let folders: Set<String> = ["region", "regions", "topic", "topics", "section", "sections", "tag", "tags", "blog", "blogs"]

    static func isTaxonomyLink(_ href: String) -> Bool {
        let parts = pathParts(href)
        return parts.count == 2 && folders.contains(parts[0])
    }

    static func slug(_ href: String) -> String? {
        let parts = pathParts(href)
        return parts.count == 2 && folders.contains(parts[0]) ? parts[1] : nil
    }

    static func pathParts(_ href: String) -> [String] {
        var path = Substring(href).utf8[...]
        // "scheme://host/…": drop the scheme and host.
        if let colon = path.firstIndex(of: UInt8(ascii: ":")), path[colon...].starts(with: "://".utf8) {
            path = path[path.index(colon, offsetBy: 3)...]
            path = path.firstIndex(of: UInt8(ascii: "/")).map { path[$0...] } ?? path[path.endIndex...]
        }
        if let query = path.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) { path = path[..<query] }
        return path.split(separator: UInt8(ascii: "/")).map { String(decoding: $0, as: UTF8.self).lowercased() }
    }
}

extension String {
    /// Without spaces at either end; nil when nothing else is left. Bytes only when the ends are
    /// ASCII, which they nearly always are.
    var trimmed: String? {
        var copy = self
        let result: String?? = copy.withUTF8 { bytes in
            var start = 0
            var end = bytes.count
            while start < end, bytes[start] == 0x20 || (0x09...0x0D).contains(bytes[start]) { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || (0x09...0x0D).contains(bytes[end - 1]) { end -= 1 }
            guard start < end else { return .some(nil) }
            // A non-ASCII end may be another kind of space: leave those to Foundation.
            guard bytes[start] < 0x80 && bytes[end - 1] < 0x80 else { return nil }
            return .some(start == 0 && end == bytes.count ? self : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
        }
        if let result { return result }
        let value = trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }
}
