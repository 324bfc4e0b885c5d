import CLibXML2
import Foundation
import SteppeCore

/// An HTML document parsed by libxml2's HTML parser: forgiving of broken markup, never fetching
/// anything, and silent on stderr.
final class HTMLDocument {
    private let document: htmlDocPtr

    /// Parses `data`; `encoding` nil lets the parser read the page's own charset declaration.
    init?(_ data: Data, encoding: String? = nil) {
        LibXML.prepareThread()
        guard !data.isEmpty, data.count < Int(Int32.max) else { return nil }
        let parsed = data.withUnsafeBytes { raw -> htmlDocPtr? in
            raw.withMemoryRebound(to: CChar.self) { chars in
                htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, encoding, Int32(steppe_html_options))
            }
        }
        guard let parsed else { return nil }
        document = parsed
    }

    convenience init?(fragment: String) {
        self.init(Data(fragment.utf8), encoding: "UTF-8")
    }

    deinit { xmlFreeDoc(document) }

    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}

/// One node of a parsed document; valid while its document lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// Lower-case element name.
    var name: String {
        guard let raw = pointer.pointee.name else { return "" }
        return String(cString: raw).lowercased()
    }

    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(pointer, name) else { return nil }
        defer { steppe_xml_free(value) }
        return String(cString: value)
    }

    var children: [HTMLNode] {
        var result: [HTMLNode] = []
        forEachChild { result.append($0) }
        return result
    }

    /// Walks the children without collecting them: the block walk visits every node of every item.
    @inline(__always)
    func forEachChild(_ body: (HTMLNode) -> Void) {
        var child = pointer.pointee.children
        while let node = child {
            body(HTMLNode(node))
            child = node.pointee.next
        }
    }

    /// A text node's own text, read in place.
    var ownText: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    var elements: [HTMLNode] { children.filter(\.isElement) }

    /// The text of this node and everything under it.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { steppe_xml_free(content) }
        return String(cString: content)
    }

    func hasAttribute(_ name: String) -> Bool { xmlHasProp(pointer, name) != nil }

    var classes: [String] { (attribute("class") ?? "").lowercased().split(separator: " ").map(String.init) }

    /// Every element under this one, depth first, that `matches`; not descending into a match.
    func find(_ matches: (HTMLNode) -> Bool) -> [HTMLNode] {
        var found: [HTMLNode] = []
        func visit(_ node: HTMLNode) {
            for child in node.elements {
                if matches(child) { found.append(child) } else { visit(child) }
            }
        }
        visit(self)
        return found
    }

    func first(_ matches: (HTMLNode) -> Bool) -> HTMLNode? {
        var stack = elements.reversed() as [HTMLNode]
        while let node = stack.popLast() {
            if matches(node) { return node }
            stack.append(contentsOf: node.elements.reversed())
        }
        return nil
    }
}

enum LibXML {
    /// libxml2 keeps its error handlers per thread: silence them on every thread that parses.
    static func prepareThread() {
        steppe_xml_quiet()
    }
}

/// Turns HTML content into article blocks: paragraphs, headings, quotes and list items, in reading
/// order. Scripts, styles, navigation, forms, figures and asides are left out.
enum HTMLBlocks {
    static let skipped: Set<String> = [
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "figure", "figcaption",
        "iframe", "svg", "button", "select", "template", "head", "title", "h1",
    ]
    static let blockElements: Set<String> = [
        "p", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "ul", "ol", "div", "section", "article", "main",
        "table", "tr", "td", "th", "pre", "dl", "dt", "dd", "body", "html", "center", "hr",
    ]

    static func blocks(_ node: HTMLNode) -> [Block] {
        var blocks: [Block] = []
        var inline = ""
        func flushInline() {
            let text = ImportText.clean(inline)
            if !text.isEmpty { blocks.append(Block(.paragraph, text)) }
            inline = ""
        }
        func add(_ kind: Block.Kind, _ node: HTMLNode) {
            flushInline()
            let text = ImportText.clean(inlineText(node))
            if !text.isEmpty { blocks.append(Block(kind, text)) }
        }
        func visit(_ node: HTMLNode) {
            node.forEachChild { child in
                if child.isText {
                    inline += child.ownText
                    return
                }
                guard child.isElement else { return }
                let name = child.name
                if skipped.contains(name) || child.hasAttribute("hidden") { return }
                switch name {
                case "p", "pre", "dt", "dd": add(.paragraph, child)
                case "h2", "h3", "h4", "h5", "h6": add(.heading, child)
                case "li": add(.listItem, child)
                case "blockquote":
                    flushInline()
                    // A quote may hold several paragraphs: each becomes a quote block.
                    let inner = HTMLBlocks.blocks(child)
                    blocks += inner.map { Block(.quote, $0.text) }
                case "br":
                    flushInline()
                default:
                    if blockElements.contains(name) {
                        flushInline()
                        visit(child)
                        flushInline()
                    } else {
                        inline += inlineText(child)
                    }
                }
            }
        }
        visit(node)
        flushInline()
        return blocks
    }

    /// The text of an inline run, line breaks as spaces and skipped elements left out.
    static func inlineText(_ node: HTMLNode) -> String {
        var text = ""
        appendInline(node, to: &text)
        return text
    }

    private static func appendInline(_ node: HTMLNode, to text: inout String) {
        node.forEachChild { child in
            if child.isText {
                text += child.ownText
            } else if child.isElement {
                let name = child.name
                if name == "br" {
                    text += " "
                } else if !skipped.contains(name) {
                    appendInline(child, to: &text)
                }
            }
        }
    }

    /// Blocks from an HTML fragment (a feed item's content, a record's HTML body).
    static func blocks(fragment: String) -> [Block] {
        guard let document = HTMLDocument(fragment: fragment), let root = document.root else { return [] }
        return blocks(root)
    }
}
