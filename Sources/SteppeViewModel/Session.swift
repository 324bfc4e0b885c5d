import SteppeCore

/// Where the reader was in an archive: the menu node, and the article open in it with the place in
/// its text. Saved on quit and restored on the next start, so steppe reopens where the reader left off.
///
/// Nodes and articles are named by slug and id, not by number, so a session survives an archive
/// that was rebuilt or grew; whatever no longer exists is simply not restored.
public struct Session: Sendable, Equatable, Codable {
    /// A menu node: `facet` nil with slug `all` is "All articles"; a facet with its own name as slug is its root.
    public struct Node: Sendable, Equatable, Codable {
        public var facet: String?
        public var slug: String

        public init(facet: String?, slug: String) {
            self.facet = facet
            self.slug = slug
        }
    }

    public var node: Node
    public var articleID: String?
    public var anchor: ArticleLayout.Anchor?

    public init(node: Node, articleID: String? = nil, anchor: ArticleLayout.Anchor? = nil) {
        self.node = node
        self.articleID = articleID
        self.anchor = anchor
    }
}

extension AppState {
    /// The reader's place now, or nil before an archive is open.
    public var session: Session? {
        guard let catalogue else { return nil }
        let taxonomy = catalogue.taxonomy
        func reference(_ node: Int) -> Session.Node {
            let entry = taxonomy[node]
            switch entry.kind {
            case .allArticles: return Session.Node(facet: nil, slug: entry.slug)
            case .facetRoot(let facet): return Session.Node(facet: facet.rawValue, slug: facet.rawValue)
            case .node(let facet): return Session.Node(facet: facet.rawValue, slug: entry.slug)
            }
        }
        guard let reader else { return Session(node: reference(list.node)) }
        return Session(node: reference(reader.origin.node), articleID: reader.articleID, anchor: reader.anchor)
    }

    /// Goes back to a saved place: the node, shown and selected in the menu, and its article.
    mutating func restore(_ session: Session) -> [Effect] {
        guard let catalogue else { return [] }
        let taxonomy = catalogue.taxonomy
        let node: Int?
        switch session.node.facet.flatMap(Facet.init(rawValue:)) {
        case nil: node = session.node.facet == nil ? taxonomy.allArticles : nil
        case let facet?:
            node = session.node.slug == facet.rawValue
                ? taxonomy.roots.first { taxonomy[$0].kind == .facetRoot(facet) }
                : taxonomy.index(of: session.node.slug, in: facet)
        }
        guard let node else { return [] }
        var ancestor = taxonomy[node].parent
        while let open = ancestor {
            menu.expanded.insert(open)
            ancestor = taxonomy[open].parent
        }
        menu.selected = node
        list.show(node)
        relayout()
        guard let id = session.articleID, let position = catalogue.position(of: id),
            let inList = catalogue.articles(in: node).firstIndex(of: Int32(position))
        else { return [] }
        let effects = openArticle(node: node, position: inList)
        reader?.anchor = session.anchor ?? .top
        return effects
    }
}
