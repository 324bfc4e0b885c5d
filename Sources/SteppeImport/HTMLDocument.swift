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

    deinit { xmlFreeDoc(document) }

    var root: HTMLNode? { xmlDocGetRootElement(document).map(HTMLNode.init) }
}

/// One node of a parsed document; valid while its document lives.
struct HTMLNode {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) { self.pointer = pointer }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }

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
        var child = pointer.pointee.children
        while let node = child {
            result.append(HTMLNode(node))
            child = node.pointee.next
        }
        return result
    }

    var elements: [HTMLNode] { children.filter(\.isElement) }

    /// The text of this node and everything under it.
    var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { steppe_xml_free(content) }
        return String(cString: content)
    }

    /// This element and what it holds, as HTML again.
    var outerHTML: String {
        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        _ = htmlNodeDump(buffer, pointer.pointee.doc, pointer)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

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

