import SteppeCore

extension AppState {
    /// The one place state changes. Pure: no I/O; work to do is returned as effects.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .resized(let newSize):
            size = newSize
            relayout()
            return []
        case .archiveProgressed(let done, let total):
            if library == nil { loading = Loading(bytesDone: done, bytesTotal: total) }
            return []
        case .archiveLoaded(let library):
            self.library = library
            loading = nil
            menu = MenuState()
            for root in library.taxonomy.roots where !library.taxonomy[root].children.isEmpty {
                menu.expanded.insert(root)
            }
            menu.selected = library.taxonomy.allArticles
            list = ListState()
            list.node = menu.selected
            focus = .menu
            reader = nil
            relayout()
            let typedAhead = pendingKeys
            pendingKeys = []
            return typedAhead.flatMap { reduce(.keyPressed($0)) }
        case .articleLoaded(let index, let article):
            guard var reader, reader.articleIndex == index else { return [] }
            reader.content = .loaded(article)
            reader.topLine = 0
            reader.anchor = .top
            self.reader = reader
            relayout()
            return []
        case .articleFailed(let index, let message):
            guard reader?.articleIndex == index else { return [] }
            reader?.content = .failed(message)
            reader?.layout = nil
            return []
        case .keyPressed(let key):
            if library == nil {
                // Quitting works at once; anything else waits for the archive, as type-ahead.
                if key == .character("q") || key == .character("Q") { return quit() }
                if pendingKeys.count < 64 { pendingKeys.append(key) }
                return []
            }
            guard let command = keyMap.command(for: key, in: keyContext) else { return [] }
            return perform(command)
        case .mouse(let event):
            return handleMouse(event)
        }
    }

    private mutating func quit() -> [Effect] {
        isQuitting = true
        return [.quit]
    }

    private mutating func perform(_ command: Command) -> [Effect] {
        switch command {
        case .quit:
            return quit()
        case .toggleHelp:
            help = help == nil ? HelpState() : nil
            return []
        case .focusNext, .focusPrevious:
            guard help == nil else { return [] }
            let panes = layout.visiblePanes
            guard let current = panes.firstIndex(of: focus), panes.count > 1 else { return [] }
            let step = command == .focusNext ? 1 : panes.count - 1
            focus = panes[(current + step) % panes.count]
            return []
        default:
            break
        }
        if help != nil { return scrollHelp(command) }
        switch focus {
        case .menu: return menuCommand(command)
        case .list: return listCommand(command)
        case .article: return articleCommand(command)
        }
    }

    // MARK: Help

    private var helpLineCount: Int { HelpContent.lines(for: keyMap).count }

    /// Rows of help text on screen: the full height less a frame of one row above and two below.
    public var helpVisibleRows: Int { max(1, size.height - 4) }

    private mutating func scrollHelp(_ command: Command) -> [Effect] {
        guard var help else { return [] }
        let page = helpVisibleRows
        switch command {
        case .moveDown: help.scroll += 1
        case .moveUp: help.scroll -= 1
        case .pageDown: help.scroll += page
        case .pageUp: help.scroll -= page
        case .top: help.scroll = 0
        case .bottom: help.scroll = helpLineCount
        case .back: self.help = nil; return []
        default: return []
        }
        help.scroll = ScrollMath.clamp(top: help.scroll, count: helpLineCount, visible: page)
        self.help = help
        return []
    }

    // MARK: Menu

    private mutating func menuCommand(_ command: Command) -> [Effect] {
        guard let library else { return [] }
        let rows = menuRows
        let row = menu.selectedRow(in: rows)
        let page = max(1, layout.contentHeight(of: .menu))
        switch command {
        case .moveUp: selectMenuRow(row - 1, rows)
        case .moveDown: selectMenuRow(row + 1, rows)
        case .pageUp: selectMenuRow(row - page, rows)
        case .pageDown: selectMenuRow(row + page, rows)
        case .top: selectMenuRow(0, rows)
        case .bottom: selectMenuRow(rows.count - 1, rows)
        case .expandOrEnter:
            let current = rows[row]
            if current.hasChildren && !current.isExpanded {
                menu.expanded.insert(current.node)
            } else if layout.list != nil {
                focus = .list
            }
        case .collapseOrLeave:
            let current = rows[row]
            if current.isExpanded {
                menu.expanded.remove(current.node)
            } else if let parent = library.taxonomy[current.node].parent {
                menu.selected = parent
                showMenuSelection()
            }
        case .open:
            let current = rows[row]
            if current.hasChildren && !current.isExpanded { menu.expanded.insert(current.node) }
            if layout.list != nil && !listArticles.isEmpty { focus = .list }
        default:
            return []
        }
        menu.clampScroll(in: menuRows, visible: layout.contentHeight(of: .menu))
        return []
    }

    private mutating func selectMenuRow(_ row: Int, _ rows: [MenuState.Row]) {
        guard !rows.isEmpty else { return }
        let clamped = min(max(0, row), rows.count - 1)
        guard rows[clamped].node != menu.selected else { return }
        menu.selected = rows[clamped].node
        showMenuSelection()
    }

    /// The list follows the menu: the selected node's articles, where the reader last left them.
    private mutating func showMenuSelection() {
        list.show(menu.selected)
        clampList()
    }

    // MARK: List

    private mutating func listCommand(_ command: Command) -> [Effect] {
        let count = listArticles.count
        let page = max(1, layout.contentHeight(of: .list))
        switch command {
        case .moveUp: list.selected -= 1
        case .moveDown: list.selected += 1
        case .pageUp: list.selected -= page; list.scroll -= page
        case .pageDown: list.selected += page; list.scroll += page
        case .top: list.selected = 0
        case .bottom: list.selected = count - 1
        case .open: return openArticle(at: list.selected)
        case .collapseOrLeave, .back:
            if layout.menu != nil { focus = .menu }
            return []
        default: return []
        }
        clampList()
        return []
    }

    private mutating func clampList() {
        let count = listArticles.count
        list.selected = min(max(0, list.selected), max(0, count - 1))
        list.scroll = ScrollMath.clamp(
            scroll: list.scroll, selected: list.selected, count: count, visible: layout.contentHeight(of: .list))
    }

    private mutating func openArticle(at position: Int) -> [Effect] {
        let articles = listArticles
        guard articles.indices.contains(position) else { return [] }
        let index = Int(articles[position])
        list.selected = position
        reader = ReaderState(articleIndex: index, listPosition: position)
        focus = .article
        relayout()
        return [.loadArticle(index: index)]
    }

    // MARK: Article

    private mutating func articleCommand(_ command: Command) -> [Effect] {
        guard let current = reader else { return [] }
        let page = max(1, layout.contentHeight(of: .article) - 1)
        switch command {
        case .moveDown: scrollArticle(to: current.topLine + 1)
        case .moveUp: scrollArticle(to: current.topLine - 1)
        case .pageDown: scrollArticle(to: current.topLine + page)
        case .pageUp: scrollArticle(to: current.topLine - page)
        case .top: scrollArticle(to: 0)
        case .bottom: scrollArticle(to: current.lineCount)
        case .nextArticle, .previousArticle:
            let target = current.listPosition + (command == .nextArticle ? 1 : -1)
            guard listArticles.indices.contains(target) else { return [] }
            return openArticle(at: target)
        case .back:
            reader = nil
            focus = layout.list != nil ? .list : .menu
            relayout()
        default:
            return []
        }
        return []
    }

    private mutating func scrollArticle(to line: Int) {
        guard var reader, let layout = reader.layout else { return }
        reader.topLine = ScrollMath.clamp(top: line, count: layout.lines.count, visible: self.layout.contentHeight(of: .article))
        reader.anchor = layout.lines.isEmpty ? .top : layout.lines[reader.topLine].anchor
        self.reader = reader
    }

    /// The width the article's text is wrapped to: the pane less a margin of two columns each side.
    public var articleTextWidth: Int { max(1, (layout.article?.width ?? size.width) - 4) }

    // MARK: Layout

    /// Brings every derived position in line with the current size: focus, wrapping, scroll offsets.
    private mutating func relayout() {
        let layout = self.layout
        if layout.mode != .tooSmall && !layout.visiblePanes.contains(focus) {
            focus = reader != nil && layout.article != nil ? .article : layout.visiblePanes.first ?? .menu
        }
        if library != nil {
            menu.clampScroll(in: menuRows, visible: layout.contentHeight(of: .menu))
            clampList()
        }
        if var reader, case .loaded(let article) = reader.content, let library {
            let width = articleTextWidth
            if reader.layout?.width != min(width, ArticleLayout.maximumMeasure) {
                reader.layout = ArticleLayout(article: article, taxonomy: library.taxonomy, width: width)
            }
            let lines = reader.layout!.lines.count
            let visible = layout.contentHeight(of: .article)
            reader.topLine = ScrollMath.clamp(top: reader.layout!.line(for: reader.anchor), count: lines, visible: visible)
            self.reader = reader
        }
        if help != nil {
            help!.scroll = ScrollMath.clamp(top: help!.scroll, count: helpLineCount, visible: helpVisibleRows)
        }
    }

    // MARK: Mouse

    private mutating func handleMouse(_ event: MouseEvent) -> [Effect] {
        guard library != nil, help == nil else { return [] }
        let layout = self.layout
        guard let pane = layout.visiblePanes.first(where: { layout.rect(of: $0)!.contains(x: event.x, y: event.y) })
        else { return [] }
        let rect = layout.rect(of: pane)!
        let row = event.y - rect.y - 1
        switch event.kind {
        case .wheelUp, .wheelDown:
            let step = event.kind == .wheelDown ? 3 : -3
            switch pane {
            case .menu:
                let rows = menuRows
                selectMenuRow(menu.selectedRow(in: rows) + step, rows)
                menu.clampScroll(in: menuRows, visible: layout.contentHeight(of: .menu))
            case .list:
                list.selected += step
                clampList()
            case .article:
                if let reader { scrollArticle(to: reader.topLine + step) }
            }
            return []
        case .press:
            focus = pane
            guard row >= 0 else { return [] }
            switch pane {
            case .menu:
                let rows = menuRows
                let index = menu.scroll + row
                guard rows.indices.contains(index) else { return [] }
                if rows[index].node == menu.selected, rows[index].hasChildren {
                    if rows[index].isExpanded { menu.expanded.remove(menu.selected) } else { menu.expanded.insert(menu.selected) }
                } else {
                    selectMenuRow(index, rows)
                }
                menu.clampScroll(in: menuRows, visible: layout.contentHeight(of: .menu))
            case .list:
                let index = list.scroll + row
                guard listArticles.indices.contains(index) else { return [] }
                if index == list.selected { return openArticle(at: index) }
                list.selected = index
                clampList()
            case .article:
                break
            }
            return []
        }
    }
}
