import SteppeCore

/// Everything the screen shows, in one value. Rendering is a pure function of it.
///
/// Only values: the catalogue compares by identity, and article text is read by the effect runner,
/// so `==` is synthesised and a change to any field is a change the screen can see.
public struct AppState: Sendable, Equatable {
    public enum ArchivePhase: Sendable, Equatable {
        /// Being opened; on a first open, indexed, with progress in bytes (total 0 while unknown).
        case opening(bytesDone: Int64, bytesTotal: Int64)
        case ready(Catalogue)
    }

    public var size: Size
    public var keyMap: KeyMap
    public var preferences = Preferences.standard
    /// The themes `T` goes through, and the one in use.
    public var themeNames: [String] = []
    /// The search a new one replaces, until the new one is given up empty or closed.
    public var replacedSearch: SearchState?
    public var themeName = "default"
    public var strings: Strings
    /// Says which archive is open: "bundled sample archive", or its path.
    public var archiveLabel: String
    public var archive: ArchivePhase = .opening(bytesDone: 0, bytesTotal: 0)
    public var focus: Pane = .menu
    public var menu = MenuState()
    public var list = ListState()
    public var reader: ReaderState?
    public var help: HelpState?
    /// A short notice in the status bar, until the next key.
    public var notice: String?
    /// Set when the program should end; `failure` says why, when it ends on an error.
    public var isQuitting = false
    public var failure: String?
    /// Keys typed while the archive was opening, replayed once it is ready.
    public var pendingKeys: [KeyPress] = []
    /// The archive is open and the last session's place is on its way; any key or click cancels it.
    public var isAwaitingSession = false
    /// The archive's files changed on disk since it was read: the status bar offers to reload.
    public var isArchiveChangedOnDisk = false
    /// The search line and its results, while there is a search.
    public var search: SearchState?
    public var searchIndex = SearchIndexStatus.notStarted
    /// A last place in one of the reader's own lists, held until their bookmarks and notes arrive.
    public var sessionAwaitingUserData: Session?
    /// Bookmarks, notes and reading marks.
    public var user = UserState()
    /// How many articles of each taxonomy node have been read, kept in step with `user`.
    public internal(set) var readCounts: [Int] = []
    /// The note being written or edited, over everything else.
    public var draft: NoteDraft?
    /// A yes-or-no question in the status bar.
    public var confirmation: Confirmation?
    /// A one-line prompt in the status bar: a bookmark's labels.
    public var prompt: LabelPrompt?
    /// Makes note ids unique across processes: random per run (fixed in tests), with a counter.
    public var idSeed: UInt64 = 0
    public internal(set) var idCounter: UInt64 = 0

    public static let maximumPendingKeys = 64

    public init(size: Size, archiveLabel: String, keyMap: KeyMap = .standard, strings: Strings = .english) {
        self.size = size
        self.archiveLabel = archiveLabel
        self.keyMap = keyMap
        self.strings = strings
    }

    /// A state with an archive already open, as after `archiveOpened`.
    public init(
        size: Size, archiveLabel: String, catalogue: Catalogue, keyMap: KeyMap = .standard, strings: Strings = .english
    ) {
        self.init(size: size, archiveLabel: archiveLabel, keyMap: keyMap, strings: strings)
        _ = reduce(.archiveOpened(catalogue))
    }

    public var catalogue: Catalogue? {
        if case .ready(let catalogue) = archive { return catalogue }
        return nil
    }

    public var layout: ScreenLayout { ScreenLayout(size: size, isArticleOpen: reader != nil, preferences: preferences) }

    public var keyContext: KeyContext {
        if catalogue == nil { return .opening }
        if confirmation != nil { return .confirm }
        if draft != nil { return .editor }
        if prompt != nil { return .prompt }
        if search?.isEditing == true && help == nil { return .search }
        if focus == .article, let find = reader?.find, help == nil { return find.isEditing ? .finding : .found }
        if help != nil { return .help }
        if focus == .article, reader?.selection != nil { return .selecting }
        return focus.keyContext
    }

    public var labelNames: [String] { user.labels.map(\.label) }

    public var menuRows: [MenuState.Row] { catalogue.map { menu.rows($0.taxonomy, labels: labelNames) } ?? [] }

    /// The articles of a list: a taxonomy node's, newest first, or one of the reader's own.
    public func entries(of item: MenuItem) -> ListEntries {
        guard let catalogue else { return .positions([]) }
        if let node = item.node { return .positions(catalogue.articles(in: node)) }
        if item == .searchResults { return .ids(search?.results ?? []) }
        return .ids(user.ids(of: item))
    }

    /// The articles of the list pane.
    public var listEntries: ListEntries { entries(of: list.source) }

    /// The list an open article came from.
    public var readerEntries: ListEntries {
        guard let reader else { return .positions([]) }
        return entries(of: reader.origin.list)
    }

    /// The id of the article at a position of a list.
    public func articleID(_ entries: ListEntries, at position: Int) -> String? {
        switch entries {
        case .positions(let positions):
            guard let catalogue, positions.indices.contains(position) else { return nil }
            return catalogue.headers[Int(positions[position])].id
        case .ids(let ids):
            return ids.indices.contains(position) ? ids[position] : nil
        }
    }

    /// A menu entry as a path: "Regions › Central Asia › Tajikistan", in the interface language.
    public func path(of item: MenuItem) -> String {
        switch item {
        case .node(let node): catalogue?.taxonomy.path(of: node, in: strings.language) ?? ""
        case .recent: strings.continueReading
        case .bookmarks: strings.bookmarksTitle
        case .label(let label): strings.labelTitle(label)
        case .notes: strings.notesTitle
        case .searchResults: strings.searchTitle(search?.answered ?? "")
        }
    }

    /// A menu entry's own name.
    public func name(of item: MenuItem) -> String {
        switch item {
        case .node(let node): catalogue?.taxonomy[node].name(in: strings.language) ?? ""
        case .label(let label): label
        default: path(of: item)
        }
    }

    /// What an article is, for a bookmark or a note: from the archive, or as it was last seen there.
    public func reference(for id: String) -> ArticleRef? {
        if let catalogue, let header = catalogue.header(id: id) {
            let taxonomy = catalogue.taxonomy
            let regions = header.nodes.compactMap { node -> String? in
                let entry = taxonomy[Int(node)]
                return entry.facet == .regions ? entry.slug : nil
            }
            return ArticleRef(id: id, title: header.title, url: header.url, published: header.published, regions: regions)
        }
        return user.data.articles[id]
    }

    /// Rows of help text on screen: the full height less a frame of one row above and two below.
    public var helpVisibleRows: Int { max(1, size.height - 4) }

    public var helpLines: [HelpContent.Line] { HelpContent.lines(for: keyMap, strings) }

    /// The width the article's text is wrapped to: the pane less a margin of two columns each side.
    public var articleTextWidth: Int { max(1, (layout.article?.width ?? size.width) - 4) }
}
