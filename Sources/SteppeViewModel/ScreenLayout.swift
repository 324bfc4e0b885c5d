/// Where each pane goes for a terminal size. A pure function of the size and what is open,
/// shared by the reducer (page sizes, mouse hits) and the renderer.
public struct ScreenLayout: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        /// Below the minimum size: nothing is drawn but a notice.
        case tooSmall
        /// Menu beside the list (and the article, when there is room).
        case wide
        /// Menu above the list; an open article takes the whole screen.
        case stacked
    }

    public static let minimum = Size(width: 40, height: 10)

    public var mode: Mode
    public var menu: Rect?
    public var list: Rect?
    public var article: Rect?
    public var status: Rect

    public init(size: Size, isArticleOpen: Bool, preferences: Preferences = .standard) {
        status = Rect(x: 0, y: max(0, size.height - 1), width: size.width, height: 1)
        menu = nil
        list = nil
        article = nil
        guard size.width >= ScreenLayout.minimum.width, size.height >= ScreenLayout.minimum.height else {
            mode = .tooSmall
            return
        }
        let bodyHeight = size.height - 1
        let sideBySide = switch preferences.arrangement {
        case .auto: size.width >= preferences.wideFrom
        case .sideBySide: true
        case .stacked: false
        }
        if sideBySide {
            mode = .wide
            // Wide enough for the longest names ("Kazakhstan's Bloody January 2022") once there is room,
            // and never so wide that the list beside it drops below 30 columns.
            let wanted = preferences.menuWidth > 0 ? preferences.menuWidth : min(44, max(26, size.width / 4))
            let menuWidth = max(12, min(wanted, size.width - 31))
            menu = Rect(x: 0, y: 0, width: menuWidth, height: bodyHeight)
            let rightX = menuWidth + 1
            let rightWidth = size.width - rightX
            if isArticleOpen && size.width >= preferences.threeColumnsFrom && rightWidth >= 41 {
                let listWidth = min(rightWidth - 21, max(20, rightWidth * preferences.listPercent / 100))
                list = Rect(x: rightX, y: 0, width: listWidth, height: bodyHeight)
                article = Rect(x: rightX + listWidth + 1, y: 0, width: rightWidth - listWidth - 1, height: bodyHeight)
            } else if isArticleOpen {
                article = Rect(x: rightX, y: 0, width: rightWidth, height: bodyHeight)
            } else {
                list = Rect(x: rightX, y: 0, width: rightWidth, height: bodyHeight)
            }
        } else {
            mode = .stacked
            if isArticleOpen {
                article = Rect(x: 0, y: 0, width: size.width, height: bodyHeight)
            } else {
                let menuHeight = max(5, bodyHeight * 2 / 5)
                menu = Rect(x: 0, y: 0, width: size.width, height: menuHeight)
                list = Rect(x: 0, y: menuHeight, width: size.width, height: bodyHeight - menuHeight)
            }
        }
    }

    /// The panes on screen, in focus order.
    public var visiblePanes: [Pane] {
        var panes: [Pane] = []
        if menu != nil { panes.append(.menu) }
        if list != nil { panes.append(.list) }
        if article != nil { panes.append(.article) }
        return panes
    }

    public func rect(of pane: Pane) -> Rect? {
        switch pane {
        case .menu: menu
        case .list: list
        case .article: article
        }
    }

    /// Rows of content a pane shows below its title row.
    public func contentHeight(of pane: Pane) -> Int { max(0, (rect(of: pane)?.height ?? 0) - 1) }
}

public enum Pane: String, Sendable, Equatable, CaseIterable {
    case menu, list, article

    var keyContext: KeyContext {
        switch self {
        case .menu: .menu
        case .list: .list
        case .article: .article
        }
    }
}
