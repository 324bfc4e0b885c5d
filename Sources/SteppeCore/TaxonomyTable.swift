/// The taxonomy flattened into a table of numbered nodes, in menu order.
///
/// Node 0 is "All articles"; then each facet's root, followed by its nodes depth-first.
/// Articles refer to nodes by number, which keeps per-article data small at 50,000 articles.
public struct TaxonomyTable: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            case allArticles
            case facetRoot(Facet)
            case node(Facet)
        }

        public var kind: Kind
        public var slug: String
        public var name: String
        public var nameRu: String
        public var parent: Int?
        public var children: [Int]
        public var depth: Int

        public func name(in language: Language) -> String { language == .russian ? nameRu : name }

        public var facet: Facet? {
            switch kind {
            case .allArticles: nil
            case .facetRoot(let facet), .node(let facet): facet
            }
        }
    }

    public private(set) var entries: [Entry]
    private var slugIndex: [Facet: [String: Int]]
    public let allArticles = 0

    public init(_ taxonomy: Taxonomy) {
        entries = [
            Entry(kind: .allArticles, slug: "all", name: "All articles", nameRu: "Все статьи", parent: nil,
                  children: [], depth: 0)
        ]
        slugIndex = [:]
        for facet in Facet.allCases {
            let root = entries.count
            entries.append(
                Entry(kind: .facetRoot(facet), slug: facet.rawValue, name: facet.name, nameRu: facet.nameRu,
                      parent: nil, children: [], depth: 0))
            var slugs: [String: Int] = [:]
            for node in taxonomy.nodes(of: facet) {
                let child = append(node, facet: facet, parent: root, depth: 1, slugs: &slugs)
                entries[root].children.append(child)
            }
            slugIndex[facet] = slugs
        }
    }

    private mutating func append(
        _ node: TaxonomyNode, facet: Facet, parent: Int, depth: Int, slugs: inout [String: Int]
    ) -> Int {
        let index = entries.count
        entries.append(
            Entry(kind: .node(facet), slug: node.slug, name: node.name, nameRu: node.nameRu, parent: parent,
                  children: [], depth: depth))
        // The first node with a slug wins; the validator reports duplicates.
        if slugs[node.slug] == nil { slugs[node.slug] = index }
        for child in node.children {
            let c = append(child, facet: facet, parent: index, depth: depth + 1, slugs: &slugs)
            entries[index].children.append(c)
        }
        return index
    }

    public var count: Int { entries.count }
    public subscript(index: Int) -> Entry { entries[index] }

    /// The top-level rows of the menu: "All articles" and the three facet roots.
    public var roots: [Int] { entries.indices.filter { entries[$0].parent == nil } }

    public func index(of slug: String, in facet: Facet) -> Int? { slugIndex[facet]?[slug] }

    /// Names from the facet root down to the node: "Regions › Central Asia › Tajikistan".
    public func path(of index: Int, in language: Language = .english) -> String {
        var names: [String] = []
        var current: Int? = index
        while let i = current {
            if case .node = entries[i].kind { names.append(entries[i].name(in: language)) } else if entries[i].parent == nil {
                names.append(entries[i].name(in: language))
            }
            current = entries[i].parent
        }
        return names.reversed().joined(separator: " › ")
    }
}
