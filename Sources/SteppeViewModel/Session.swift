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

        /// Continue reading, Bookmarks (or one of its labels), Notes.
        public var isPersonal: Bool {
            facet == "label" || (facet == nil && ["recent", "bookmarks", "notes"].contains(slug))
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
        func reference(_ item: MenuItem) -> Session.Node {
            switch item {
            case .recent: return Session.Node(facet: nil, slug: "recent")
            // A search is not a place to come back to: the next start opens on all articles.
            case .searchResults: return Session.Node(facet: nil, slug: taxonomy[taxonomy.allArticles].slug)
            case .bookmarks: return Session.Node(facet: nil, slug: "bookmarks")
            case .notes: return Session.Node(facet: nil, slug: "notes")
            case .label(let label): return Session.Node(facet: "label", slug: label)
            case .node(let node):
                let entry = taxonomy[node]
                switch entry.kind {
                case .allArticles: return Session.Node(facet: nil, slug: entry.slug)
                case .facetRoot(let facet): return Session.Node(facet: facet.rawValue, slug: facet.rawValue)
                case .node(let facet): return Session.Node(facet: facet.rawValue, slug: entry.slug)
                }
            }
        }
        guard let reader else { return Session(node: reference(list.source)) }
        return Session(node: reference(reader.origin.list), articleID: reader.articleID, anchor: reader.anchor)
    }

    /// Goes back to a saved place: the node, shown and selected in the menu, and its article.
    mutating func restore(_ session: Session) -> [Effect] {
        guard let catalogue else { return [] }
        let taxonomy = catalogue.taxonomy
        let item: MenuItem?
        switch (session.node.facet, session.node.slug) {
        case (nil, "recent"): item = .recent
        case (nil, "bookmarks"): item = .bookmarks
        case (nil, "notes"): item = .notes
        case (nil, _): item = .node(taxonomy.allArticles)
        case ("label", let label): item = labelNames.contains(label) ? .label(label) : nil
        case (let name?, let slug):
            guard let facet = Facet(rawValue: name) else { return [] }
            item = (slug == facet.rawValue
                ? taxonomy.roots.first { taxonomy[$0].kind == .facetRoot(facet) }
                : taxonomy.index(of: slug, in: facet)).map(MenuItem.node)
        }
        guard let item else { return [] }
        if case .label = item { menu.expanded.insert(.bookmarks) }
        var ancestor = item.node.flatMap { taxonomy[$0].parent }
        while let open = ancestor {
            menu.expanded.insert(.node(open))
            ancestor = taxonomy[open].parent
        }
        menu.selected = item
        list.show(item)
        relayout()
        let entries = entries(of: item)
        guard let id = session.articleID, catalogue.position(of: id) != nil,
            let inList = entries.indices.first(where: { articleID(entries, at: $0) == id })
        else { return [] }
        let effects = openArticle(list: item, position: inList)
        reader?.anchor = session.anchor ?? .top
        return effects
    }
}
