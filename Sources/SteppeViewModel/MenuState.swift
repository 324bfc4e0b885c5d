import SteppeCore

/// The taxonomy tree: which groups are open, which node is selected, and how far it is scrolled.
public struct MenuState: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var node: Int
        public var depth: Int
        public var hasChildren: Bool
        public var isExpanded: Bool
    }

    public var expanded: Set<Int> = []
    /// The selected node, as a taxonomy table index; it survives groups opening and closing.
    public var selected: Int = 0
    public var scroll: Int = 0

    public init() {}

    /// The menu as the reader sees it: every root, and the children of every open node.
    public func rows(_ taxonomy: TaxonomyTable) -> [Row] {
        var rows: [Row] = []
        func visit(_ node: Int) {
            let entry = taxonomy[node]
            let isOpen = expanded.contains(node)
            rows.append(Row(node: node, depth: entry.depth, hasChildren: !entry.children.isEmpty, isExpanded: isOpen))
            if isOpen { for child in entry.children { visit(child) } }
        }
        for root in taxonomy.roots { visit(root) }
        return rows
    }

    public func selectedRow(in rows: [Row]) -> Int { rows.firstIndex { $0.node == selected } ?? 0 }

    /// Keeps the selected row in view.
    mutating func clampScroll(in rows: [Row], visible: Int) {
        scroll = ScrollMath.clamp(scroll: scroll, selected: selectedRow(in: rows), count: rows.count, visible: visible)
    }
}

/// The article list of the node chosen in the menu.
public struct ListState: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var selected: Int
        public var scroll: Int
    }

    public var node: Int = 0
    public var selected: Int = 0
    public var scroll: Int = 0
    /// Where the reader was in each list left earlier, so going back to a node finds the same article.
    public var places: [Int: Place] = [:]

    public init() {}

    /// Shows another node's list, remembering this one's place.
    mutating func show(_ other: Int) {
        guard other != node else { return }
        places[node] = Place(selected: selected, scroll: scroll)
        node = other
        let place = places[other] ?? Place(selected: 0, scroll: 0)
        selected = place.selected
        scroll = place.scroll
    }
}

/// The help screen over everything.
public struct HelpState: Sendable, Equatable {
    public var scroll: Int = 0
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

    /// An offset for a viewport over `count` lines, keeping the last page full.
    public static func clamp(top: Int, count: Int, visible: Int) -> Int {
        max(0, min(top, count - visible))
    }
}
