import SteppeCore

/// Everything the screen shows, in one value. Rendering is a pure function of it.
public struct AppState: Sendable, Equatable {
    public struct Loading: Sendable, Equatable {
        public var bytesDone: Int64
        public var bytesTotal: Int64
    }

    public var size: Size
    public var keyMap: KeyMap
    /// Says which archive is open: "bundled sample", or its path.
    public var archiveLabel: String
    public var library: Library?
    /// Progress of indexing, while the library is not ready yet.
    public var loading: Loading?
    public var focus: Pane = .menu
    public var menu = MenuState()
    public var list = ListState()
    public var reader: ReaderState?
    public var help: HelpState?
    public var isQuitting = false
    /// Keys typed while the archive was still being indexed, replayed once it is ready.
    public var pendingKeys: [Key] = []

    public init(size: Size, archiveLabel: String, keyMap: KeyMap = .standard) {
        self.size = size
        self.archiveLabel = archiveLabel
        self.keyMap = keyMap
        loading = Loading(bytesDone: 0, bytesTotal: 0)
    }

    /// A state with a library already open, as after `archiveLoaded`.
    public init(size: Size, archiveLabel: String, library: Library, keyMap: KeyMap = .standard) {
        self.init(size: size, archiveLabel: archiveLabel, keyMap: keyMap)
        _ = reduce(.archiveLoaded(library))
    }

    public var layout: ScreenLayout { ScreenLayout(size: size, isArticleOpen: reader != nil) }

    public var keyContext: KeyContext { help != nil ? .help : focus.keyContext }

    public var menuRows: [MenuState.Row] {
        guard let library else { return [] }
        return menu.rows(library.taxonomy)
    }

    /// The articles of the list pane, newest first, as indices into the library's headers.
    public var listArticles: [Int32] { library?.articles(in: list.node) ?? [] }

    /// The menu node whose articles are listed, as a path: "Regions › Central Asia › Tajikistan".
    public var currentNodePath: String {
        guard let library else { return "" }
        return library.taxonomy.path(of: list.node)
    }

    public static func == (a: AppState, b: AppState) -> Bool {
        a.size == b.size && a.keyMap == b.keyMap && a.archiveLabel == b.archiveLabel && a.library === b.library
            && a.loading == b.loading && a.focus == b.focus && a.menu == b.menu && a.list == b.list
            && a.reader == b.reader && a.help == b.help && a.isQuitting == b.isQuitting
            && a.pendingKeys == b.pendingKeys
    }
}
