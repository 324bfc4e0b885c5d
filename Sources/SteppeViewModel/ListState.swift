/// The article list of the entry chosen in the menu: which row is selected and how far it is scrolled.
public struct ListState: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var selected: Int
        public var scroll: Int
    }

    public enum Outcome: Sendable, Equatable {
        /// Open the article at this position of the list.
        case open(position: Int)
        /// Back to the menu.
        case leave
    }

    public var source: MenuItem = .node(0)
    public var selected: Int = 0
    public var scroll: Int = 0
    /// Where the reader was in each list left earlier, so going back to an entry finds the same article.
    public var places: [MenuItem: Place] = [:]

    public init(source: MenuItem = .node(0)) { self.source = source }

    /// Shows another entry's list, remembering this one's place.
    public mutating func show(_ other: MenuItem) {
        guard other != source else { return }
        places[source] = Place(selected: selected, scroll: scroll)
        source = other
        let place = places[other] ?? Place(selected: 0, scroll: 0)
        selected = place.selected
        scroll = place.scroll
    }

    /// `count` is the length of the list, `visible` the rows on screen.
    public mutating func reduce(_ command: Command, count: Int, visible: Int) -> Outcome? {
        let page = max(1, visible)
        switch command {
        case .moveUp: selected -= 1
        case .moveDown: selected += 1
        case .pageUp: selected -= page; scroll -= page
        case .pageDown: selected += page; scroll += page
        case .top: selected = 0
        case .bottom: selected = count - 1
        case .open: return count > 0 ? .open(position: min(max(0, selected), count - 1)) : nil
        case .collapseOrLeave, .back: return .leave
        default: return nil
        }
        clamp(count: count, visible: visible)
        return nil
    }

    /// A click on a row: selects it, or opens it when it was selected already.
    public mutating func click(row: Int, count: Int, visible: Int) -> Outcome? {
        let position = scroll + row
        guard position >= 0, position < count else { return nil }
        if position == selected { return .open(position: position) }
        selected = position
        clamp(count: count, visible: visible)
        return nil
    }

    public mutating func scroll(by rows: Int, count: Int, visible: Int) {
        selected += rows
        clamp(count: count, visible: visible)
    }

    public mutating func clamp(count: Int, visible: Int) {
        selected = min(max(0, selected), max(0, count - 1))
        scroll = ScrollMath.clamp(scroll: scroll, selected: selected, count: count, visible: visible)
    }
}
