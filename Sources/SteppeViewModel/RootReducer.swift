import SteppeCore

/// The root reducer: routes each action to the pane that owns it and acts on what the panes report.
/// Pure: no I/O; work to do is returned as effects. The panes never write into each other's state.
extension AppState {
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .resized(let newSize):
            size = newSize
            relayout()
            return []
        case .terminalClosed:
            return quit()
        case .archiveProgressed(let done, let total):
            guard case .opening = archive else { return [] }
            archive = .opening(bytesDone: done, bytesTotal: total)
            return []
        case .archiveOpened(let catalogue):
            return open(catalogue)
        case .searchResults, .searchSnippets, .searchIndexProgressed, .searchIndexReady, .searchIndexFailed:
            return reduceSearch(action) ?? []
        case .archiveChangedOnDisk:
            isArchiveChangedOnDisk = true
            // The offer to reload outranks an older notice ("Bookmarked"), which would hide it until a key.
            notice = nil
            return []
        case .archiveReloaded(let catalogue, let label):
            // Another archive (the reader's own, in place of the sample) is a new start, not a reload.
            if let label {
                archiveLabel = label
                isArchiveChangedOnDisk = false
                let effects = open(catalogue)
                notice = strings.archiveReloaded
                return effects
            }
            return reopen(catalogue)
        case .archiveReloadFailed(let error):
            notice = strings.archiveError(error)
            return []
        case .archiveFailed(let error):
            failure = strings.archiveError(error)
            isQuitting = true
            return [.quit]
        case .articleLoaded(let article):
            guard var reader, reader.articleID == article.id else { return [] }
            // A new reader starts at the top; one restored from the last session keeps its place.
            reader.content = .loaded(article)
            reader.blocks = ArticleLayout.blockTexts(article)
            self.reader = reader
            placeNotes()
            relayout()
            let typedAhead = pendingKeys
            pendingKeys = []
            return typedAhead.flatMap { reduce(.keyPressed($0)) }
        case .articleFailed(let id, let error):
            guard reader?.articleID == id else { return [] }
            reader?.content = .failed(error)
            reader?.layout = nil
            pendingKeys = []
            return []
        case .linkOpened(let program):
            notice = strings.openingLink(with: program)
            return []
        case .linkFailed(let reason):
            notice = reason.map(strings.linkFailed) ?? strings.noBrowser
            return []
        case .sessionLoaded(let session):
            guard isAwaitingSession else { return [] }
            // A place in one of the reader's own lists needs their bookmarks and notes first.
            if let session, session.node.isPersonal, user.status == .loading {
                sessionAwaitingUserData = session
                return []
            }
            isAwaitingSession = false
            return session.map { restore($0) } ?? []
        case .userDataLoaded(let snapshot, let reason):
            user.load(snapshot, readOnlyReason: reason)
            userDataChanged()
            if let session = sessionAwaitingUserData {
                sessionAwaitingUserData = nil
                guard isAwaitingSession else { return [] }
                isAwaitingSession = false
                return restore(session)
            }
            return []
        case .userChangeSaved(let change, let stamped):
            user.confirm(change, stamped: stamped)
            if case .saveNote = change, notice == nil { notice = strings.noteSaved }
            // Stamps only: what is read was counted when the change was made, so no recount here
            // (one per opened article would walk every reading mark).
            placeNotes()
            relayout()
            return []
        case .userChangeFailed(let change, let reason):
            user.fail(change, reason)
            notice = strings.notSaved(reason)
            return []
        case .externalEditFinished(let text):
            return finishExternalEdit(text)
        case .themeFailed(let name, let reason):
            notice = reason
            // Left out of the round; the one before it is still on screen, so T goes on after it.
            if let index = themeNames.firstIndex(of: name) {
                themeNames.remove(at: index)
                if !themeNames.isEmpty { themeName = themeNames[(index - 1 + themeNames.count) % themeNames.count] }
            }
            return []
        case .externalEditFailed(let reason):
            notice = reason.map(strings.externalEditorFailed) ?? strings.noExternalEditor
            return []
        case .keyPressed(let key):
            notice = nil
            isAwaitingSession = false
            sessionAwaitingUserData = nil
            // Keys for an article whose text is still on its way wait for the text, like type-ahead;
            // once one waits, those after it wait too, so they keep their order (and are read as what
            // they are then: `a` then `чай` is a note saying "чай").
            let isAwaitingText = help == nil && focus == .article && reader?.content == .loading
            if isAwaitingText && !pendingKeys.isEmpty {
                if pendingKeys.count < AppState.maximumPendingKeys { pendingKeys.append(key) }
                return []
            }
            if let effects = typeIntoField(key) { return effects }
            if let effects = typeIntoSearch(key) { return effects }
            if let effects = typeIntoFind(key) { return effects }
            var bound = key
            // A key typed on the Russian layout means the key in its place on a Latin one.
            if case .character(let c) = key.key, keyMap.command(for: key, in: keyContext) == nil,
                let latin = KeyboardLayout.latin(for: c),
                keyMap.command(for: KeyPress(.character(latin), key.modifiers), in: keyContext) != nil
            {
                bound = KeyPress(.character(latin), key.modifiers)
            }
            guard let command = keyMap.command(for: bound, in: keyContext) else {
                // Terminals send Alt-x as Esc then x, and so does Esc typed quickly before x: an Alt key
                // that means nothing here is read as those two keys.
                if key.modifiers.contains(.alt) {
                    var plain = key
                    plain.modifiers.remove(.alt)
                    return reduce(.keyPressed(.escape)) + reduce(.keyPressed(plain))
                }
                if catalogue == nil {
                    if pendingKeys.count < AppState.maximumPendingKeys { pendingKeys.append(key) }
                } else {
                    notice = strings.notBound(key.name(strings), helpKey: keyMap.keyName(for: .toggleHelp, strings: strings))
                }
                return []
            }
            if isAwaitingText, Self.textCommands.contains(command) {
                if pendingKeys.count < AppState.maximumPendingKeys { pendingKeys.append(key) }
                return []
            }
            return perform(command, at: nil)
        case .mouse(let event):
            isAwaitingSession = false
            sessionAwaitingUserData = nil
            guard let command = keyMap.command(for: KeyPress(event.key), in: keyContext) else { return [] }
            return perform(command, at: event)
        case .pasted(let text):
            // Pasted text goes to the field being typed in, and is never read as keys.
            if draft != nil {
                _ = draft?.editor.insert(text)
                layoutEditor()
            } else if prompt != nil {
                _ = prompt?.field.insert(text)
            } else if keyContext == .search, var search {
                // One line: breaks and tabs become spaces.
                let line = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
                _ = search.field.insert(line)
                self.search = search
                return search.field.text.trimmingCharacters(in: .whitespaces).isEmpty ? [] : [.search(searchRequest(search.field.text))]
            }
            return []
        }
    }

    /// Commands that act on an article's text, and so wait for it.
    private static let textCommands: Set<Command> = [
        .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .nextParagraph, .previousParagraph, .selectWords,
        .addNote, .editNote, .editNoteExternally, .deleteNote,
    ]

    /// Ends the program, remembering the reader's place first. A note being edited is saved, not lost.
    private mutating func quit() -> [Effect] {
        var effects: [Effect] = []
        if draft != nil { effects += saveDraft() }
        effects += leaveArticle()
        isQuitting = true
        return effects + (session.map { [Effect.saveSession($0)] } ?? []) + [.quit]
    }

    /// The same archive read again: the reader stays where they were, as far as the new archive allows.
    private mutating func reopen(_ catalogue: Catalogue) -> [Effect] {
        let place = session
        archive = .ready(catalogue)
        menu = MenuState(opening: catalogue.taxonomy)
        list = ListState(source: menu.selected)
        reader = nil
        isArchiveChangedOnDisk = false
        recountRead()
        userDataChanged()
        focus = .menu
        relayout()
        var effects = place.map { restore($0) } ?? []
        notice = strings.archiveReloaded
        // The results may name articles that changed or went: ask again.
        if let search, !search.answered.isEmpty {
            menu.hasSearch = true
            effects.append(.search(searchRequest(search.answered)))
        }
        return effects
    }

    private mutating func open(_ catalogue: Catalogue) -> [Effect] {
        archive = .ready(catalogue)
        search = nil
        searchIndex = .notStarted
        menu = MenuState(opening: catalogue.taxonomy)
        list = ListState(source: menu.selected)
        recountRead()
        focus = .menu
        reader = nil
        relayout()
        let typedAhead = pendingKeys
        pendingKeys = []
        // Keys typed while opening say where the reader wants to be; otherwise go back to the last place.
        guard typedAhead.isEmpty else { return typedAhead.flatMap { reduce(.keyPressed($0)) } }
        isAwaitingSession = true
        return [.loadSession]
    }

    private mutating func perform(_ command: Command, at pointer: MouseEvent?) -> [Effect] {
        switch command {
        case .quit:
            return quit()
        case .redraw:
            return [.redraw]
        case .cycleTheme:
            guard !themeNames.isEmpty else { return [] }
            let next = themeNames[((themeNames.firstIndex(of: themeName) ?? -1) + 1) % themeNames.count]
            themeName = next
            notice = strings.themeNotice(
                next, position: themeNames.firstIndex(of: next)! + 1, of: themeNames.count,
                nextKey: keyMap.keyName(for: .cycleTheme, strings: strings))
            return [.applyTheme(next)]
        case .reloadArchive:
            guard catalogue != nil else { return [] }
            return [.reloadArchive]
        case .search, .openResult, .previousResult, .nextResult, .previousResultPage, .nextResultPage, .closeSearch:
            return performSearchCommand(command) ?? []
        case .findInArticle, .acceptFind, .nextMatch, .previousMatch, .endFind:
            return performFindCommand(command) ?? []
        case .openLink, .copyLink:
            guard help == nil else { break }
            guard let url = linkInFocus else { return [] }
            guard !url.isEmpty else {
                notice = strings.noLink
                return []
            }
            if command == .copyLink {
                notice = strings.linkCopied
                return [.copyToClipboard(url)]
            }
            // Only a web link goes to a browser: an archive must not hand it an option or a local file.
            let lowered = url.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
                notice = strings.notAWebLink
                return []
            }
            return [.openLink(url)]
        case .toggleHelp where help == nil:
            help = HelpState()
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
        guard let catalogue else { return [] }
        // Nothing but the notice is on screen: keys that would move unseen things do nothing.
        guard layout.mode != .tooSmall else { return [] }
        switch keyContext {
        case .confirm: return answer(command)
        case .prompt: return finishPrompt(command)
        case .editor: return editorDid(command)
        default: break
        }
        if var help {
            let outcome = help.reduce(command, lineCount: helpLines.count, visible: helpVisibleRows)
            self.help = outcome == .close ? nil : help
            return []
        }
        if let pointer { return point(command, at: pointer, catalogue) }
        if let effects = performUserCommand(command) { return effects }
        switch focus {
        case .menu:
            return menuDid(menu.reduce(command, taxonomy: catalogue.taxonomy, labels: labelNames, visible: visibleRows(.menu)))
        case .list: return listDid(list.reduce(command, count: listEntries.count, visible: visibleRows(.list)))
        case .article:
            guard var reader else { return [] }
            let outcome = reader.reduce(command, visible: visibleRows(.article))
            self.reader = reader
            return readerDid(outcome)
        }
    }

    /// Rows of a pane that fit on screen (a list's rows may take more than a line).
    public func visibleRows(_ pane: Pane) -> Int {
        let lines = layout.contentHeight(of: pane)
        return pane == .list ? max(min(lines, 1), lines / listRowHeight) : lines
    }

    /// Screen lines per list row: search results carry a snippet under the title.
    public var listRowHeight: Int { list.source == .searchResults ? 2 : 1 }

    /// The link of the open article, or of the article selected in the list.
    private var linkInFocus: String? {
        articleInFocus.flatMap { reference(for: $0)?.url }
    }

    /// The open article, or the one selected in the list.
    var articleInFocus: String? {
        if focus == .article, let reader { return reader.articleID }
        guard focus == .list else { return nil }
        return articleID(listEntries, at: list.selected)
    }

    // MARK: What the panes report

    private mutating func menuDid(_ outcome: MenuState.Outcome?) -> [Effect] {
        switch outcome {
        case .selected(let item):
            list.show(item)
            list.clamp(count: listEntries.count, visible: visibleRows(.list))
        case .enterList:
            if layout.list != nil && !listEntries.isEmpty { focus = .list }
        case nil:
            break
        }
        return []
    }

    private mutating func listDid(_ outcome: ListState.Outcome?) -> [Effect] {
        switch outcome {
        case .open(let position): return openArticle(list: list.source, position: position)
        case .leave: if layout.menu != nil { focus = .menu }
        case nil: break
        }
        return []
    }

    private mutating func readerDid(_ outcome: ReaderState.Outcome?) -> [Effect] {
        switch outcome {
        case .close:
            let effects = leaveArticle()
            reader = nil
            pendingKeys = []
            focus = layout.list != nil ? .list : .menu
            relayout()
            return effects
        case .step(let delta):
            guard let origin = reader?.origin else { return [] }
            let target = origin.position + delta
            guard entries(of: origin.list).indices.contains(target) else {
                notice = delta > 0 ? strings.lastArticleOfList : strings.firstArticleOfList
                return []
            }
            return openArticle(list: origin.list, position: target)
        case nil:
            break
        }
        return []
    }

    /// Opens the article at `position` of a list; the list pane follows when it shows that list.
    /// The article is marked read and reopens where the reader last left it.
    mutating func openArticle(list source: MenuItem, position: Int) -> [Effect] {
        guard let catalogue else { return [] }
        let entries = entries(of: source)
        guard let id = articleID(entries, at: position) else { return [] }
        let header = catalogue.header(id: id)
        // An article no longer in the archive opens as what is known of it, with its notes.
        guard let title = header?.title ?? user.data.articles[id]?.title else { return [] }
        var effects = leaveArticle()
        if list.source == source {
            list.selected = position
            list.clamp(count: entries.count, visible: visibleRows(.list))
        }
        reader = ReaderState(articleID: id, title: title, origin: ReaderState.Origin(list: source, position: position))
        if let position = user.data.marks[id]?.position {
            reader?.anchor = ArticleLayout.Anchor(block: position.block, offset: position.offset)
        }
        focus = .article
        if let article = reference(for: id) { effects += record(.opened(articleID: id, article)) }
        relayout()
        // The place is remembered now, not only on quit, so a killed or crashed reader reopens here too.
        if let session { effects.append(.saveSession(session)) }
        guard header == nil else { return effects + [.loadArticle(id: id)] }
        let known = user.data.articles[id] ?? ArticleRef(id: id, title: title)
        reader?.missingDate = known.published == nil
        reader?.isMissing = true
        _ = reduce(.articleLoaded(Article(
            id: id, url: known.url, title: known.title, published: known.published ?? PublishedDate(secondsSince1970: 0),
            regions: known.regions, body: [])))
        notice = strings.notInArchive(title)
        return effects
    }

    /// Remembers where the reader is in the open article, for the next time it is opened.
    mutating func leaveArticle() -> [Effect] {
        guard let reader, case .loaded = reader.content else { return [] }
        let position = TextPosition(block: reader.anchor.block, offset: reader.anchor.offset)
        guard (user.data.marks[reader.articleID]?.position ?? TextPosition(block: -1, offset: 0)) != position else { return [] }
        return record(.setPosition(articleID: reader.articleID, position))
    }

    // MARK: The mouse

    private mutating func point(_ command: Command, at event: MouseEvent, _ catalogue: Catalogue) -> [Effect] {
        let layout = self.layout
        guard let pane = layout.visiblePanes.first(where: { layout.rect(of: $0)!.contains(x: event.x, y: event.y) })
        else { return [] }
        let row = event.y - layout.rect(of: pane)!.y - 1
        // While typing a search, the mouse picks among its results and nothing else.
        if keyContext == .search {
            guard pane == .list, command == .pointerSelect, row >= 0 else {
                if pane == .list, command != .pointerSelect {
                    list.scroll(by: command == .pointerScrollDown ? 3 : -3, count: listEntries.count, visible: visibleRows(.list))
                }
                return []
            }
            if list.click(row: row / listRowHeight, count: listEntries.count, visible: visibleRows(.list)) != nil {
                return performSearchCommand(.openResult) ?? []
            }
            return []
        }
        switch command {
        case .pointerScrollUp, .pointerScrollDown:
            let step = command == .pointerScrollDown ? 3 : -3
            switch pane {
            case .menu:
                let verb: Command = step > 0 ? .moveDown : .moveUp
                var selected: MenuItem?
                for _ in 0..<abs(step) {
                    if case .selected(let item)? = menu.reduce(
                        verb, taxonomy: catalogue.taxonomy, labels: labelNames, visible: visibleRows(.menu))
                    {
                        selected = item
                    }
                }
                return menuDid(selected.map(MenuState.Outcome.selected))
            case .list:
                list.scroll(by: step, count: listEntries.count, visible: visibleRows(.list))
            case .article:
                guard var reader else { return [] }
                _ = reader.reduce(command, visible: visibleRows(.article))
                self.reader = reader
            }
            return []
        case .pointerSelect:
            focus = pane
            guard row >= 0 else { return [] }
            switch pane {
            case .menu:
                return menuDid(
                    menu.click(row: menu.scroll + row, taxonomy: catalogue.taxonomy, labels: labelNames, visible: visibleRows(.menu)))
            case .list:
                return listDid(list.click(row: row / listRowHeight, count: listEntries.count, visible: visibleRows(.list)))
            case .article:
                return []
            }
        default:
            return []
        }
    }

    // MARK: Layout

    /// Brings every derived position in line with the current size: focus, wrapping, scroll offsets.
    mutating func relayout() {
        let layout = self.layout
        if layout.mode != .tooSmall && !layout.visiblePanes.contains(focus) {
            focus = reader != nil && layout.article != nil ? .article : layout.visiblePanes.first ?? .menu
        }
        guard let catalogue else { return }
        menu.clampScroll(catalogue.taxonomy, labels: labelNames, visible: visibleRows(.menu))
        // A label whose last bookmark went: its list gives way to all bookmarks.
        if case .label = list.source, list.source != menu.selected, menu.selected == .bookmarks { list.show(.bookmarks) }
        list.clamp(count: listEntries.count, visible: visibleRows(.list))
        let width = articleTextWidth
        let rows = visibleRows(.article)
        reader?.relayout(width: width, measure: preferences.readingWidth, visible: rows, taxonomy: catalogue.taxonomy, strings: strings)
        if help != nil {
            let (count, visible) = (helpLines.count, helpVisibleRows)
            help?.clamp(lineCount: count, visible: visible)
        }
        layoutEditor()
    }
}
