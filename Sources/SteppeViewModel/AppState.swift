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

    public var layout: ScreenLayout { ScreenLayout(size: size, isArticleOpen: reader != nil) }

    public var keyContext: KeyContext {
        if catalogue == nil { return .opening }
        return help != nil ? .help : focus.keyContext
    }

    public var menuRows: [MenuState.Row] { catalogue.map { menu.rows($0.taxonomy) } ?? [] }

    /// The articles of the list pane, newest first, as positions in the catalogue's headers.
    public var listArticles: [Int32] { catalogue?.articles(in: list.node) ?? [] }

    /// The list an open article came from.
    public var readerArticles: [Int32] {
        guard let reader, let catalogue else { return [] }
        return catalogue.articles(in: reader.origin.node)
    }

    /// A menu node as a path: "Regions › Central Asia › Tajikistan", in the interface language.
    public func path(of node: Int) -> String { catalogue?.taxonomy.path(of: node, in: strings.language) ?? "" }

    /// Rows of help text on screen: the full height less a frame of one row above and two below.
    public var helpVisibleRows: Int { max(1, size.height - 4) }

    public var helpLines: [HelpContent.Line] { HelpContent.lines(for: keyMap, strings) }

    /// The width the article's text is wrapped to: the pane less a margin of two columns each side.
    public var articleTextWidth: Int { max(1, (layout.article?.width ?? size.width) - 4) }
}
