import CLibXML2
import Foundation
import SteppeCore

/// One item of an RSS 2.0 or Atom feed, as read: strings only, so that reading stays fast and the
/// HTML in it is turned into blocks later, in parallel.
struct FeedItem: Sendable {
    var index: Int
    /// How far into the file the reader was when the item ended, for progress.
    var offset: Int64 = 0
    var title = ""
    var link: String?
    var guid: String?
    var date: String?
    var updated: String?
    var authors: [String] = []
    var categories: [String] = []
    var description: String?
    var content: String?
    /// Atom `type="text"` content is plain text, not HTML.
    var isPlainContent = false

    func draft() throws(ImportProblem) -> ArticleDraft {
        let title = ImportText.clean(title.contains("<") ? HTMLBlockReader.blocks(title).map(\.text).joined(separator: " ") : title)
        guard !title.isEmpty else { throw ImportProblem.itemNoTitle }
        var draft = ArticleDraft(title: title)
        draft.place = "item \(index)"
        draft.url = link?.trimmed
        draft.sourceID = guid?.trimmed
        guard let published = (date ?? updated).flatMap(DateText.parse) else {
            throw date == nil && updated == nil ? ImportProblem.itemNoDate : ImportProblem.itemBadDate(ImportText.clean(String((date ?? updated ?? "").prefix(60))))
        }
        draft.published = published
        draft.authors = authors.map(FeedItem.authorName).filter { !$0.isEmpty }
        draft.tags = categories.map(ImportText.clean).filter { !$0.isEmpty }
        let text = content ?? description ?? ""
        draft.body = isPlainContent ? PlainText.blocks(text) : HTMLBlockReader.blocks(text)
        if content != nil, let description {
            let summary = ImportText.clean(HTMLBlockReader.blocks(description).map(\.text).joined(separator: " "))
            if !summary.isEmpty, summary.count <= 600, draft.body.first?.text != summary { draft.summary = summary }
        }
        guard !draft.body.isEmpty else { throw ImportProblem.itemNoText }
        return draft
    }

    /// RSS writes authors as "mail@example.org (Ann Smith)"; keep the name.
    static func authorName(_ raw: String) -> String {
        let text = ImportText.clean(raw)
        if let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close, text.contains("@") {
            return ImportText.clean(String(text[text.index(after: open)..<close]))
        }
        return text
    }
}

/// Streams RSS 2.0 and Atom feeds with libxml2's reader, one item at a time: a feed's whole tree is
/// never held in memory. The network is never used and no DTD or external entity is loaded.
enum FeedParser {
    enum Kind { case rss, atom }

    struct Failure: Error {
        var message: String
    }

    /// Calls `item` for every item in order; throws when the file is not a feed at all. A feed that
    /// breaks off keeps the items read before the break, and `broken` gets the line of the break.
    static func read(
        fd: Int32, path: String, item: (FeedItem) throws -> Void, broken: (ImportProblem) -> Void
    ) throws {
        LibXML.prepareThread()
        guard let reader = xmlReaderForFd(fd, path, nil, Int32(steppe_xml_options)) else {
            throw ImportProblem.feedNotOpened
        }
        defer { xmlFreeTextReader(reader) }
        var kind: Kind?
        var count = 0
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            if xmlTextReaderNodeType(reader) == 1 {
                let name = localName(reader)
                if kind == nil {
                    switch name {
                    case "rss", "RDF": kind = .rss
                    case "feed": kind = .atom
                    default: throw ImportProblem.notAFeed(root: TextSanitizer.clean(String(name.prefix(40))))
                    }
                } else if name == "item" || name == "entry" {
                    count += 1
                    if xmlTextReaderIsEmptyElement(reader) == 1 {
                        status = xmlTextReaderRead(reader)
                        continue
                    }
                    var entry = FeedItem(index: count)
                    status = readItem(reader, kind: kind!, into: &entry)
                    // An error while inside an item leaves it half read (the parser reads ahead, so the
                    // error may even lie beyond it): it is not passed on; the break is reported instead.
                    if status < 0 {
                        count -= 1
                        break
                    }
                    entry.offset = Int64(xmlTextReaderByteConsumed(reader))
                    try item(entry)
                    continue
                }
            }
            status = xmlTextReaderRead(reader)
        }
        if status < 0 {
            let line = xmlTextReaderGetParserLineNumber(reader)
            let why = lastError()
            if kind == nil { throw ImportProblem.xmlUnparsable(line: Int(line), reason: why) }
            broken(.feedBroken(line: Int(line), afterItem: count, reason: why))
        }
        if kind == nil { throw ImportProblem.xmlNoRoot }
    }

    /// Reads the children of an item or entry; returns the reader's status after the item's end.
    private static func readItem(_ reader: xmlTextReaderPtr, kind: Kind, into item: inout FeedItem) -> Int32 {
        let depth = xmlTextReaderDepth(reader)
        var inAuthor = false
        var status = xmlTextReaderRead(reader)
        while status == 1 {
            let type = xmlTextReaderNodeType(reader)
            let nodeDepth = xmlTextReaderDepth(reader)
            if type == 15 && nodeDepth == depth { return xmlTextReaderRead(reader) }
            if type == 15 && nodeDepth == depth + 1 { inAuthor = false }
            guard type == 1 else {
                status = xmlTextReaderRead(reader)
                continue
            }
            let name = localName(reader)
            if nodeDepth == depth + 2 && inAuthor {
                if name == "name" { item.authors.append(string(reader)) }
                status = xmlTextReaderNext(reader)
                continue
            }
            guard nodeDepth == depth + 1 else {
                status = xmlTextReaderRead(reader)
                continue
            }
            switch (kind, name) {
            case (.atom, "author"), (.atom, "contributor"):
                if name == "author" && xmlTextReaderIsEmptyElement(reader) == 0 { inAuthor = true }
                status = xmlTextReaderRead(reader)
                continue
            case (_, "title"): item.title = string(reader)
            case (.rss, "link"): item.link = string(reader)
            case (.atom, "link"):
                let rel = attribute(reader, "rel") ?? "alternate"
                if rel == "alternate" || item.link == nil, let href = attribute(reader, "href") { item.link = href }
            case (.rss, "guid"), (.atom, "id"): item.guid = string(reader)
            case (.rss, "pubDate"), (_, "date"), (.atom, "published"): item.date = string(reader)
            case (.atom, "updated"): item.updated = string(reader)
            case (.rss, "creator"), (.rss, "author"): item.authors.append(string(reader))
            case (.rss, "category"): item.categories.append(string(reader))
            case (.atom, "category"):
                if let label = attribute(reader, "label") ?? attribute(reader, "term") { item.categories.append(label) }
            case (.rss, "description"), (.atom, "summary"): item.description = string(reader)
            case (.rss, "encoded"): item.content = string(reader)
            case (.atom, "content"):
                let type = attribute(reader, "type") ?? "text"
                if type == "xhtml" {
                    item.content = innerXML(reader)
                } else {
                    item.content = string(reader)
                    item.isPlainContent = type == "text"
                }
            default: break
            }
            status = xmlTextReaderNext(reader)
        }
        return status
    }

    /// libxml2's own words for the last error on this thread ("Detected an entity reference loop"),
    /// cleaned for a terminal.
    private static func lastError() -> String? {
        guard let error = xmlGetLastError(), let message = error.pointee.message else { return nil }
        let text = ImportText.clean(String(cString: message))
        return text.isEmpty ? nil : String(text.prefix(200))
    }

    private static func localName(_ reader: xmlTextReaderPtr) -> String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return String(cString: name)
    }

    private static func string(_ reader: xmlTextReaderPtr) -> String {
        guard let value = xmlTextReaderReadString(reader) else { return "" }
        defer { steppe_xml_free(value) }
        return String(cString: value)
    }

    private static func innerXML(_ reader: xmlTextReaderPtr) -> String {
        guard let value = xmlTextReaderReadInnerXml(reader) else { return "" }
        defer { steppe_xml_free(value) }
        return String(cString: value)
    }

    private static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
        guard let value = xmlTextReaderGetAttribute(reader, name) else { return nil }
        defer { steppe_xml_free(value) }
        return String(cString: value)
    }
}

/// Plain text bodies: paragraphs separated by blank lines, or by line breaks when there are none.
enum PlainText {
    static func blocks(_ text: String) -> [Block] {
        let normalized = ImportText.contains(text, "\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let separator = ImportText.contains(normalized, "\n\n") ? "\n\n" : "\n"
        return ImportText.split(normalized, on: separator).map(ImportText.clean).filter { !$0.isEmpty }
            .map { Block(.paragraph, $0) }
    }
}
