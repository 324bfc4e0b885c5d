import SteppeCore

/// The archive search: the search line in the status bar, results that replace the list as the
/// reader types, and "Search: …" in the menu for going back to them.
extension AppState {
    /// Results asked for at a time; the list shows them best first.
    public static let searchLimit = 100

    /// The search found as many as it asked for: there may be more than the list shows.
    public var hasMoreResults: Bool { (search?.results.count ?? 0) >= AppState.searchLimit }

    mutating func reduceSearch(_ action: Action) -> [Effect]? {
        switch action {
        case .searchResults(let text, let ids, let problem, let isPartial):
            guard var search, search.field.text == text else { return [] }
            search.answered = text
            // A query with a mistake in it has no results: those of an earlier, shorter text would be
            // shown, counted and opened under its name.
            search.results = problem == nil ? ids : []
            let kept = Set(search.results)
            search.snippets = search.snippets.filter { kept.contains($0.key) }
            search.titleHighlights = search.titleHighlights.filter { kept.contains($0.key) }
            search.problem = problem
            search.isPartial = isPartial
            self.search = search
            if list.source == .searchResults, problem == nil { list.selected = 0 }
            relayout()
            // Empty results from an index still being built are not the answer yet: wait for more.
            if search.opensWhenAnswered, !ids.isEmpty || !isPartial {
                self.search?.opensWhenAnswered = false
                self.search?.isEditing = false
                if !ids.isEmpty { return openArticle(list: .searchResults, position: 0) }
            }
            return []
        case .searchSnippets(let text, let snippets, let titles):
            guard search?.answered == text else { return [] }
            search?.snippets.merge(snippets) { $1 }
            search?.titleHighlights.merge(titles) { $1 }
            return []
        case .searchIndexProgressed(let done, let total):
            searchIndex = .building(done: done, total: total)
            // "Results so far" grow as the index does: ask again while the list is not yet full.
            guard let search, search.isPartial, search.answered == search.field.text,
                !search.field.text.trimmingCharacters(in: .whitespaces).isEmpty, search.results.count < AppState.searchLimit
            else { return [] }
            return [.search(searchRequest(search.field.text))]
        case .searchIndexReady:
            searchIndex = .ready
            // What was typed while the index was built is asked again, now of all of it.
            guard let search, search.isPartial, !search.field.text.isEmpty else { return [] }
            return [.search(searchRequest(search.field.text))]
        case .searchIndexFailed(let problem):
            searchIndex = .failed(problem)
            return []
        default:
            return nil
        }
    }

    /// Commands of the search line, and `/` from anywhere.
    mutating func performSearchCommand(_ command: Command) -> [Effect]? {
        switch command {
        case .search:
            guard catalogue != nil else { return [] }
            // From the results (or an article opened from them) `/` goes back to refine the search;
            // from anywhere else it starts a new one, as in less.
            let isAtResults = list.source == .searchResults || reader?.origin.list == .searchResults
            if var search, isAtResults {
                search.isEditing = true
                self.search = search
            } else {
                // Kept until the new one has text: Esc on an empty line puts it back.
                replacedSearch = search.map { old in
                    var old = old
                    old.isEditing = false
                    return old
                }
                search = SearchState(field: TextField(), origin: list.source)
                menu.hasSearch = true
            }
            list.show(.searchResults)
            menu.selected = .searchResults
            if reader != nil, layout.list == nil { _ = closeReaderForSearch() }
            focus = layout.list != nil ? .list : focus
            relayout()
            return []
        case .previousResult, .nextResult, .previousResultPage, .nextResultPage:
            guard search != nil else { return [] }
            let count = listEntries.count
            guard count > 0 else { return [] }
            let page = max(1, visibleRows(.list))
            let step = switch command {
            case .nextResult: 1
            case .previousResult: -1
            case .nextResultPage: page
            default: -page
            }
            list.selected = max(0, min(count - 1, list.selected + step))
            relayout()
            return []
        case .openResult:
            guard var search else { return [] }
            // Typed faster than the results came: the best of them opens when they arrive, unless
            // Esc (the line is still open) says otherwise first.
            let isEmptySoFar = search.isPartial && search.results.isEmpty
            if (search.answered != search.field.text || isEmptySoFar), !search.field.text.isEmpty {
                search.opensWhenAnswered = true
                self.search = search
                return []
            }
            search.isEditing = false
            self.search = search
            guard !listEntries.isEmpty else { return [] }
            return openArticle(list: .searchResults, position: list.selected)
        case .closeSearch:
            guard let search else { return [] }
            self.search?.isEditing = false
            self.search?.opensWhenAnswered = false
            // Nothing typed: no search to keep in the menu, or the one this was to replace.
            if search.field.text.isEmpty {
                self.search = replacedSearch
                menu.hasSearch = replacedSearch != nil
            }
            replacedSearch = nil
            list.show(search.origin)
            menu.selected = search.origin
            relayout()
            return []
        default:
            return nil
        }
    }

    /// A key typed into the search line; a change of the text asks for new results.
    mutating func typeIntoSearch(_ key: KeyPress) -> [Effect]? {
        guard keyContext == .search, keyMap.command(for: key, in: .search) == nil, var search else { return nil }
        let before = search.field.text
        switch search.field.reduce(key) {
        case .cancelled: return performSearchCommand(.closeSearch)
        case .submitted: return performSearchCommand(.openResult)
        default: break
        }
        self.search = search
        let text = search.field.text
        guard text != before else { return [] }
        if text.trimmingCharacters(in: .whitespaces).isEmpty {
            self.search?.results = []
            self.search?.snippets = [:]
            self.search?.titleHighlights = [:]
            self.search?.answered = ""
            self.search?.problem = nil
            list.selected = 0
            return []
        }
        return [.search(searchRequest(text))]
    }

    /// The request for `text`, with the reader's own lists when a filter needs them.
    func searchRequest(_ text: String) -> SearchRequest {
        var request = SearchRequest(text: text, limit: AppState.searchLimit)
        let lowered = text.lowercased()
        if lowered.contains("is:") || lowered.contains("has:") {
            request.bookmarked = Set(user.data.bookmarks.keys)
            request.read = Set(user.data.marks.filter { $0.value.isRead }.keys)
            request.noted = Set(user.data.notes.filter { !$0.value.isEmpty }.keys)
        }
        return request
    }

    /// On a screen too narrow for the list beside an article, the search shows its results instead.
    private mutating func closeReaderForSearch() -> [Effect] {
        let effects = leaveArticle()
        reader = nil
        return effects
    }
}

/// A search inside the open article.
extension AppState {
    mutating func performFindCommand(_ command: Command) -> [Effect]? {
        switch command {
        case .findInArticle:
            guard focus == .article, var reader, case .loaded = reader.content else { return [] }
            var find = ArticleFind(field: TextField(reader.find?.field.text ?? ""))
            find.matches = ArticleFind.matches(of: find.field.text, in: reader.blocks)
            reader.find = find
            self.reader = reader
            return []
        case .acceptFind:
            guard var find = reader?.find else { return [] }
            guard !find.matches.isEmpty else {
                if !find.field.text.isEmpty { notice = strings.findNotFound(find.field.text) }
                reader?.find = nil
                return []
            }
            find.isEditing = false
            // The first match from where the reader is.
            var top = 0
            if let reader, let layout = reader.layout, layout.lines.indices.contains(reader.topLine) {
                top = layout.lines[reader.topLine].anchor.block
            }
            find.current = find.matches.firstIndex { $0.block >= top } ?? 0
            reader?.find = find
            reveal(find.matches[find.current!])
            return []
        case .nextMatch, .previousMatch:
            guard var find = reader?.find, !find.matches.isEmpty else { return [] }
            let step = command == .nextMatch ? 1 : find.matches.count - 1
            let next = ((find.current ?? -1) + step) % find.matches.count
            find.hasWrapped = find.current.map { command == .nextMatch ? next < $0 : next > $0 } ?? false
            find.current = next
            reader?.find = find
            reveal(find.matches[find.current!])
            return []
        case .endFind:
            reader?.find = nil
            return []
        default:
            return nil
        }
    }

    /// A key typed into the line of a search inside the article: the matches follow every keystroke.
    mutating func typeIntoFind(_ key: KeyPress) -> [Effect]? {
        guard keyContext == .finding, keyMap.command(for: key, in: .finding) == nil, var reader, var find = reader.find
        else { return nil }
        switch find.field.reduce(key) {
        case .cancelled: return performFindCommand(.endFind)
        case .submitted: return performFindCommand(.acceptFind)
        default: break
        }
        find.matches = ArticleFind.matches(of: find.field.text, in: reader.blocks)
        reader.find = find
        self.reader = reader
        return []
    }

    /// Scrolls the article so that a match is in view, two lines below the top when it can be.
    private mutating func reveal(_ match: ArticleFind.Match) {
        guard var reader, let layout = reader.layout else { return }
        let line = layout.lines.lastIndex { line in
            line.anchor.block == match.block && line.spans.contains { ($0.offset ?? Int.max) <= match.range.lowerBound }
        } ?? layout.lines.firstIndex { $0.anchor.block == match.block } ?? reader.topLine
        let visible = visibleRows(.article)
        if line < reader.topLine || line >= reader.topLine + visible { reader.scroll(to: line - 2, visible: visible) }
        self.reader = reader
    }
}
