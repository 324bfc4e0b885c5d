import SteppeCore
import SteppeViewModel

/// The bottom row: which archive, which node, skipped entries or a notice, and the keys that matter here.
///
/// When space runs out, hints go first (the help screen has them all) except the help hint itself,
/// then the node path is cut; a count of skipped entries is never hidden, since it is the only sign
/// that data was left out.
struct StatusBarView {
    var label: String
    var place: String
    var skippedCount: Int
    var notice: String?
    /// Why changes to bookmarks and notes are not being saved, when they are not.
    var storeProblem: String?
    var prompt: LabelPrompt?
    /// The search line, while it is typed in, and what is wrong with the query, shown beside it.
    var searchField: TextField?
    var searchProblem: String?
    /// The line of a search inside the article, while it is typed in.
    var findField: TextField?
    var hints: [KeyMap.Hint]
    var strings: Strings

    init(_ state: AppState) {
        // In the editor the keys that save and discard matter more than where the reader is.
        let isEditing = state.keyContext == .editor
        label = isEditing ? "" : state.archiveLabel
        place = state.catalogue != nil && state.help == nil && !isEditing ? state.path(of: state.list.source) : ""
        skippedCount = state.catalogue?.skippedCount ?? 0
        notice = state.confirmation?.question ?? state.notice
            ?? (state.isArchiveChangedOnDisk ? state.strings.archiveChangedOnDisk(reloadKey: state.keyMap.keyName(for: .reloadArchive, strings: state.strings)) : nil)
        if case .readOnly(let reason) = state.user.status {
            storeProblem = state.strings.readOnlyStore(reason)
        } else if !state.user.unsaved.isEmpty {
            storeProblem = state.strings.unsavedChanges(state.user.unsaved.count)
        }
        prompt = state.prompt
        if state.keyContext == .search {
            searchField = state.search?.field
            searchProblem = state.search?.problem.map(state.strings.searchProblem)
        }
        if state.keyContext == .finding, let find = state.reader?.find {
            findField = find.field
            searchProblem = find.field.text.isEmpty || !find.matches.isEmpty ? nil : state.strings.findNotFound(find.field.text)
        }
        // Where the reader is among the matches of a search inside the article: "3/11".
        if state.keyContext == .found, notice == nil, let find = state.reader?.find, let current = find.current {
            notice = state.strings.findPosition(find.field.text, current + 1, find.matches.count, wrapped: find.hasWrapped)
        }
        // What the search says about itself: a mistake in the query, or an index still being built.
        if notice == nil, let search = state.search, state.list.source == .searchResults || state.keyContext == .search {
            if let problem = search.problem {
                notice = state.strings.searchProblem(problem)
            } else if search.isPartial, case .building(let done, let total) = state.searchIndex {
                notice = state.strings.searchStillIndexing(done: done, total: total)
            } else if !search.answered.isEmpty, search.results.isEmpty {
                notice = state.strings.searchNoResults
            }
        }
        var hints = state.keyMap.hints(in: state.keyContext, state.strings)
        // In the menu, expand and collapse are offered only where they do something.
        if state.keyContext == .menu, let row = state.menuRows.first(where: { $0.item == state.menu.selected }) {
            if !row.hasChildren || row.isExpanded { hints.removeAll { $0.command == .expandOrEnter } }
            if !row.isExpanded && row.depth == 0 { hints.removeAll { $0.command == .collapseOrLeave } }
        }
        self.hints = hints
        strings = state.strings
    }

    func draw(in rect: Rect, into grid: inout Grid) {
        guard rect.height > 0, rect.width > 0, rect.width >= ScreenLayout.minimum.width else { return }
        grid.fill(rect, role: .statusBar)
        var left = " \(label)"
        if !place.isEmpty { left += " · " + place }
        var message = ""
        if let notice {
            message = " \(notice) "
        } else if let storeProblem {
            message = " \(storeProblem) "
        } else if skippedCount > 0 {
            message = " \(strings.skippedEntries(skippedCount)) "
        }
        if prompt != nil || searchField != nil || findField != nil {
            // The prompt takes the bar, less its hints.
            // Only hints that fit whole, in at most a third of the bar.
            var promptHints: [KeyMap.Hint] = []
            var hintWidth = 0
            for hint in hints {
                let w = DisplayWidth.of(" \(hint.keys) \(hint.label) ")
                if hintWidth + w > rect.width / 3 { break }
                promptHints.append(hint)
                hintWidth += w
            }
            // A narrow bar keeps its room for what is typed.
            let words = findField != nil ? strings.findLabel : searchField != nil ? strings.searchLabel
                : rect.width < 70 ? strings.labelsPromptShort : strings.labelsPrompt
            // A mistake in the query shows after what is typed, so the reader sees both.
            let field = findField ?? searchField ?? prompt!.field
            if let searchProblem {
                // The mistake takes the hints' place: half the bar at most, the typed text keeps the rest.
                let problemWidth = min(DisplayWidth.of(searchProblem) + 2, rect.width / 2)
                TextFieldView(prompt: " " + words, field: field, isFocused: true)
                    .draw(in: Rect(x: rect.x, y: rect.y, width: rect.width - problemWidth, height: 1), into: &grid)
                grid.write(
                    fitting: searchProblem, x: rect.maxX - problemWidth + 1, y: rect.y, width: problemWidth - 1, role: .statusMessage)
                return
            }
            TextFieldView(prompt: " " + words, field: field, isFocused: true)
                .draw(in: Rect(x: rect.x, y: rect.y, width: rect.width - hintWidth, height: 1), into: &grid)
            var hx = rect.maxX - hintWidth
            for hint in promptHints {
                hx += grid.write(" " + hint.keys, x: hx, y: rect.y, role: .statusKey, limit: rect.maxX - hx)
                hx += grid.write(" " + hint.label + " ", x: hx, y: rect.y, role: .statusBar, limit: rect.maxX - hx)
            }
            return
        }
        let messageWidth = min(DisplayWidth.of(message), rect.width)
        func width(_ hint: KeyMap.Hint) -> Int { DisplayWidth.of(hint.keys) + DisplayWidth.of(hint.label) + 3 }
        // The help hint is the way to every other key, so the archive and node give way to it.
        let helpHint = hints.first { $0.command == .toggleHelp }
        let reserved = helpHint.map(width) ?? 0
        let leftWidth = min(DisplayWidth.of(left), max(0, rect.width - messageWidth - reserved - 1))
        var shown: [KeyMap.Hint] = []
        var hintWidth = 0
        var room = rect.width - leftWidth - messageWidth - reserved - 1
        for hint in hints where hint.command != .toggleHelp {
            let w = width(hint)
            if w > room { break }
            shown.append(hint)
            hintWidth += w
            room -= w
        }
        if let helpHint, reserved < rect.width - messageWidth {
            shown.append(helpHint)
            hintWidth += reserved
        }

        var x = rect.x
        x += grid.write(fitting: left, x: x, y: rect.y, width: leftWidth, role: .statusBar)
        if messageWidth > 0 {
            grid.write(
                fitting: message, x: x + 1, y: rect.y, width: min(messageWidth, rect.maxX - x - 1), role: .statusMessage)
        }
        var hx = rect.maxX - hintWidth
        for hint in shown {
            hx += grid.write(" " + hint.keys, x: hx, y: rect.y, role: .statusKey)
            hx += grid.write(" " + hint.label + " ", x: hx, y: rect.y, role: .statusBar)
        }
    }
}
