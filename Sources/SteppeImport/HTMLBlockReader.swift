import CLibXML2
import Foundation
import SteppeCore

/// Turns HTML into article blocks in one pass over libxml2's HTML parser events, without building a
/// tree: a feed of 50,000 items is mostly HTML, and a tree per item cost more than the parsing.
///
/// The rules: paragraphs (`p`, `pre`, `dt`, `dd`), headings (`h2`–`h6`) and list items (`li`) each
/// become a block of their whole text, inline markup flattened and `br` a space; everything in a
/// `blockquote` becomes quote blocks; text outside those between block elements becomes a paragraph;
/// `br` there ends it. Scripts, styles, navigation, headers, footers, asides, forms, figures and
/// hidden elements are left out, and so is `h1` (the title, shown apart).
enum HTMLBlockReader {
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
        "iframe", "svg", "button", "select", "template", "head", "title", "h1", "textarea", "object",
    ]
    static let blockElements: Set<String> = [
        "div", "section", "article", "main", "table", "tr", "td", "th", "dl", "ul", "ol", "body", "html", "center",
        "hr", "caption", "tbody", "thead", "tfoot", "address", "details", "summary",
    ]
    static let collecting: [String: Block.Kind] = [
        "p": .paragraph, "pre": .paragraph, "dt": .paragraph, "dd": .paragraph, "h2": .heading, "h3": .heading,
        "h4": .heading, "h5": .heading, "h6": .heading, "li": .listItem,
    ]

    static func blocks(_ html: String) -> [Block] {
        let sink = Sink()
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let context, let name else { return }
            Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().start(name, attributes)
        }
        handler.endElement = { context, name in
            guard let context, let name else { return }
            Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().end(name)
        }
        let characters: charactersSAXFunc = { context, bytes, length in
            guard let context, let bytes, length > 0 else { return }
            Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue().text(bytes, Int(length))
        }
        handler.characters = characters
        handler.ignorableWhitespace = characters
        handler.cdataBlock = characters
        LibXML.prepareThread()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        withExtendedLifetime(sink) {
            guard let parser = htmlCreatePushParserCtxt(&handler, context, nil, 0, nil, XML_CHAR_ENCODING_UTF8) else { return }
            defer { htmlFreeParserCtxt(parser) }
            _ = htmlCtxtUseOptions(parser, Int32(steppe_html_options))
            var html = html
            html.withUTF8 { bytes in
                // The parser takes an Int32 length: feed long documents in pieces.
                var offset = 0
                let piece = 1 << 24
                repeat {
                    let count = min(piece, bytes.count - offset)
                    let isLast = offset + count == bytes.count
                    bytes.baseAddress.map { base in
                        base.advanced(by: offset).withMemoryRebound(to: CChar.self, capacity: max(count, 1)) {
                            _ = htmlParseChunk(parser, $0, Int32(count), isLast ? 1 : 0)
                        }
                    }
                    offset += count
                } while offset < bytes.count
                if bytes.isEmpty { _ = htmlParseChunk(parser, nil, 0, 1) }
            }
        }
        sink.flushInline()
        return sink.blocks
    }

    /// The state of one walk. Text arrives as UTF-8 bytes and is kept as bytes until a block ends.
    final class Sink {
        var blocks: [Block] = []
        var inline: [UInt8] = []
        /// Open elements whose text is left out, counted so nested ones close properly.
        var skippedDepth = 0
        var skippedName: String?
        /// The collecting element (p, h2, li…) and how deep inside it we are.
        var collectingKind: Block.Kind?
        var collectingName: String?
        var collectingDepth = 0
        var collected: [UInt8] = []
        var quoteDepth = 0

        // The HTML parser hands element names over in lower case already.
        func start(_ rawName: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            let name = String(cString: rawName)
            if skippedDepth > 0 {
                if name == skippedName { skippedDepth += 1 }
                return
            }
            if HTMLBlockReader.skipped.contains(name) || Sink.isHiddenOrChrome(attributes) {
                skippedName = name
                skippedDepth = 1
                return
            }
            if collectingKind != nil {
                if name == collectingName { collectingDepth += 1 }
                if name == "br" { collected.append(0x20) }
                return
            }
            if let kind = HTMLBlockReader.collecting[name] {
                flushInline()
                collectingKind = kind
                collectingName = name
                collectingDepth = 1
                collected.removeAll(keepingCapacity: true)
            } else if name == "blockquote" {
                flushInline()
                quoteDepth += 1
            } else if name == "br" || HTMLBlockReader.blockElements.contains(name) {
                flushInline()
            }
        }

        func end(_ rawName: UnsafePointer<xmlChar>) {
            let name = String(cString: rawName)
            if skippedDepth > 0 {
                if name == skippedName { skippedDepth -= 1 }
                return
            }
            if let kind = collectingKind {
                guard name == collectingName else { return }
                collectingDepth -= 1
                if collectingDepth == 0 {
                    emit(kind, collected)
                    collectingKind = nil
                    collectingName = nil
                }
                return
            }
            if name == "blockquote" {
                flushInline()
                quoteDepth = max(0, quoteDepth - 1)
            } else if HTMLBlockReader.blockElements.contains(name) {
                flushInline()
            }
        }

        func text(_ bytes: UnsafePointer<xmlChar>, _ count: Int) {
            guard skippedDepth == 0 else { return }
            let buffer = UnsafeBufferPointer(start: bytes, count: count)
            if collectingKind != nil { collected.append(contentsOf: buffer) } else { inline.append(contentsOf: buffer) }
        }

        func flushInline() {
            guard !inline.isEmpty else { return }
            emit(.paragraph, inline)
            inline.removeAll(keepingCapacity: true)
        }

        private func emit(_ kind: Block.Kind, _ bytes: [UInt8]) {
            let text = ImportText.clean(String(decoding: bytes, as: UTF8.self))
            guard !text.isEmpty else { return }
            blocks.append(Block(quoteDepth > 0 ? .quote : kind, text))
        }

        private static func isHiddenOrChrome(_ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) -> Bool {
            guard let attributes else { return false }
            var i = 0
            var classes: String?
            var id: String?
            var role: String?
            while let rawName = attributes[i] {
                let name = UnsafeRawPointer(rawName).assumingMemoryBound(to: CChar.self)
                if strcmp(name, "hidden") == 0 { return true }
                if let value = attributes[i + 1] {
                    if strcmp(name, "class") == 0 { classes = String(cString: value) }
                    else if strcmp(name, "id") == 0 { id = String(cString: value) }
                    else if strcmp(name, "role") == 0 { role = String(cString: value) }
                }
                i += 2
            }
            return SiteChrome.isChrome(classes: classes, id: id, role: role)
        }
    }
}

/// The site around an article, told apart by the names pages give it: navigation, headers, footers,
/// sidebars, "Popular" and "Related" boxes, sharing buttons, newsletter forms, comments. Class and id
/// values are split into words at spaces, hyphens and underscores, and a word must match whole, so
/// that "commentary" or "article-body" are not taken for chrome.
enum SiteChrome {
    static let roles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "search"]
    static let words: Set<String> = [
        "menu", "nav", "navbar", "navigation", "header", "footer", "sidebar", "popular", "related", "share",
        "sharing", "social", "breadcrumb", "breadcrumbs", "newsletter", "comments", "advert", "ads", "promo",
        "subscribe", "masthead",
    ]

    static func isChrome(classes: String?, id: String?, role: String?) -> Bool {
        if let role, roles.contains(role.lowercased()) { return true }
        for value in [classes, id] {
            guard let value, !value.isEmpty else { continue }
            let parts = value.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
            if parts.contains(where: { words.contains(String($0)) }) { return true }
        }
        return false
    }
}
