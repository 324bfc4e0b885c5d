import SteppeCore

/// The taxonomy tree: which groups are open, which node is selected, and how far it is scrolled.
public struct MenuState: Sendable, Equatable {
    /// Whether the menu shows "Search: …", the results of the current search.
    public var hasSearch = false
    public struct Row: Sendable, Equatable {
        public var item: MenuItem
        public var depth: Int
        public var hasChildren: Bool
        public var isExpanded: Bool
    }

    /// What the menu tells its parent; the menu never touches the other panes itself.
    public enum Outcome: Sendable, Equatable {
        /// Another entry is selected: the list should follow.
        case selected(MenuItem)
        /// The reader wants the selected node's articles.
        case enterList
    }

    public var expanded: Set<MenuItem> = []
    /// The selected entry; it survives groups opening and closing.
    public var selected: MenuItem = .node(0)
    public var scroll: Int = 0

    public init() {}

    /// The menu of a freshly opened archive: "All articles" selected, every facet open.
    public init(opening taxonomy: TaxonomyTable) {
        for root in taxonomy.roots where !taxonomy[root].children.isEmpty { expanded.insert(.node(root)) }
        selected = .node(taxonomy.allArticles)
    }

    /// The menu as the reader sees it: "All articles", the reader's own lists (Bookmarks opening on
    /// its labels), then the facets, each with the children of every open node.
    public func rows(_ taxonomy: TaxonomyTable, labels: [String] = []) -> [Row] {
        var rows: [Row] = []
        func visit(_ node: Int) {
            let entry = taxonomy[node]
            let isOpen = expanded.contains(.node(node))
            rows.append(Row(item: .node(node), depth: entry.depth, hasChildren: !entry.children.isEmpty, isExpanded: isOpen))
            if isOpen { for child in entry.children { visit(child) } }
        }
        for root in taxonomy.roots {
            visit(root)
            guard root == taxonomy.allArticles else { continue }
            if hasSearch { rows.append(Row(item: .searchResults, depth: 0, hasChildren: false, isExpanded: false)) }
            rows.append(Row(item: .recent, depth: 0, hasChildren: false, isExpanded: false))
            let isOpen = expanded.contains(.bookmarks) && !labels.isEmpty
            rows.append(Row(item: .bookmarks, depth: 0, hasChildren: !labels.isEmpty, isExpanded: isOpen))
            if isOpen {
                for label in labels { rows.append(Row(item: .label(label), depth: 1, hasChildren: false, isExpanded: false)) }
            }
            rows.append(Row(item: .notes, depth: 0, hasChildren: false, isExpanded: false))
        }
        return rows
    }

    public func selectedRow(in rows: [Row]) -> Int { rows.firstIndex { $0.item == selected } ?? 0 }

    /// The entry a row belongs under: a taxonomy node's parent, or Bookmarks for a label.
    private func parent(of item: MenuItem, _ taxonomy: TaxonomyTable) -> MenuItem? {
        switch item {
        case .node(let n): taxonomy[n].parent.map(MenuItem.node)
        case .label: .bookmarks
        case .recent, .bookmarks, .notes, .searchResults: nil
        }
    }

    public mutating func reduce(_ command: Command, taxonomy: TaxonomyTable, labels: [String] = [], visible: Int) -> Outcome? {
        let rows = self.rows(taxonomy, labels: labels)
        guard !rows.isEmpty else { return nil }
        let row = selectedRow(in: rows)
        let current = rows[row]
        let page = max(1, visible)
        var outcome: Outcome?
        switch command {
        case .moveUp: outcome = select(row: row - 1, rows)
        case .moveDown: outcome = select(row: row + 1, rows)
        case .pageUp: outcome = select(row: row - page, rows)
        case .pageDown: outcome = select(row: row + page, rows)
        case .top: outcome = select(row: 0, rows)
        case .bottom: outcome = select(row: rows.count - 1, rows)
        case .expandOrEnter:
            if current.hasChildren && !current.isExpanded { expanded.insert(current.item) } else { outcome = .enterList }
        case .collapseOrLeave:
            if current.isExpanded {
                expanded.remove(current.item)
            } else if let parent = parent(of: current.item, taxonomy) {
                selected = parent
                outcome = .selected(parent)
            }
        case .open:
            if current.hasChildren && !current.isExpanded { expanded.insert(current.item) }
            outcome = .enterList
        default:
            return nil
        }
        clampScroll(taxonomy, labels: labels, visible: visible)
        return outcome
    }

    /// A click on a row: selects it, or opens and closes a group that is already selected.
    public mutating func click(row index: Int, taxonomy: TaxonomyTable, labels: [String] = [], visible: Int) -> Outcome? {
        let rows = self.rows(taxonomy, labels: labels)
        guard rows.indices.contains(index) else { return nil }
        var outcome: Outcome?
        // A click on a group opens or closes it (and shows its list); on an entry, selects it, and a
        // second click enters its list.
        if rows[index].hasChildren {
            outcome = select(row: index, rows)
            if rows[index].isExpanded { expanded.remove(rows[index].item) } else { expanded.insert(rows[index].item) }
        } else if rows[index].item == selected {
            outcome = .enterList
        } else {
            outcome = select(row: index, rows)
        }
        clampScroll(taxonomy, labels: labels, visible: visible)
        return outcome
    }

    private mutating func select(row: Int, _ rows: [Row]) -> Outcome? {
        let clamped = min(max(0, row), rows.count - 1)
        guard rows[clamped].item != selected else { return nil }
        selected = rows[clamped].item
        return .selected(selected)
    }

    /// Keeps the selected row in view; a selected label that no longer exists gives way to Bookmarks.
    public mutating func clampScroll(_ taxonomy: TaxonomyTable, labels: [String] = [], visible: Int) {
        var rows = self.rows(taxonomy, labels: labels)
        if case .label = selected, !rows.contains(where: { $0.item == selected }) {
            selected = .bookmarks
            rows = self.rows(taxonomy, labels: labels)
        }
        scroll = ScrollMath.clamp(scroll: scroll, selected: selectedRow(in: rows), count: rows.count, visible: visible)
    }
}

/// Scrolling arithmetic shared by every pane.
public enum ScrollMath {
    /// An offset that shows `selected` and never scrolls past the end.
    public static func clamp(scroll: Int, selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > 0 else { return 0 }
        var s = scroll
        if selected < s { s = selected }
        if selected >= s + visible { s = selected - visible + 1 }
        return max(0, min(s, count - visible))
    }

    /// An offset for a viewport over `count` lines, keeping the last page full. Always a line that
    /// exists (or 0), even for a viewport of no rows, as when the terminal is too small.
    public static func clamp(top: Int, count: Int, visible: Int) -> Int {
        max(0, min(top, count - max(1, visible)))
    }
}
