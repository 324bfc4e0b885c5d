/// Why `steppe import` left out a file, a feed item or a record. A value, worded where it is shown
/// (`Strings.importProblem`), in the interface language; `code` names it for scripts.
public enum ImportProblem: Error, Sendable, Equatable, Hashable {
    // The file as a whole
    case noSuchPath
    case folderUnreadable(reason: String?)
    case notAFile(RegularFile.Kind)
    case unreadable(reason: String?)
    case emptyFile
    case blankFile
    case binary
    case invalidUTF8(byte: Int)
    case lineTooLong(megabytes: Int)
    case tooLarge(megabytes: Int, limitMegabytes: Int)
    case standardInputTooLarge(gigabytes: Int)
    case cannotCopyInput(reason: String)
    // Pages
    case menusWithoutSearchLine
    case listingPage(header: String)
    case listingTeasers(count: Int)
    case textNoArticle
    case textNoTitle
    case textNoBody
    case htmlUnparsable
    case htmlNoTitle
    case htmlNoBody
    case noDate
    // Feeds
    case notAFeed(root: String)
    case xmlNoRoot
    case xmlUnparsable(line: Int, reason: String?)
    case feedNotOpened
    case feedBroken(line: Int, afterItem: Int, reason: String?)
    case itemNoTitle
    case itemNoText
    case itemNoDate
    case itemBadDate(String)
    // JSON
    case jsonUnreadable(detail: String)
    case jsonNotObject(detail: String?)
    case jsonMalformed(detail: String)
    case jsonEmptyList
    case jsonNoTitle
    case jsonNoDate
    case jsonBadDate
    case jsonNoBody
    case recordTooLong(megabytes: Int, limitMegabytes: Int)
    case stoppedReading(reason: String)
    // The archive
    case repeated(id: String, firstPath: String, firstPlace: ImportPlace?)

    /// A stable name for scripts (`--json`).
    public var code: String {
        switch self {
        case .noSuchPath: "no-such-path"
        case .folderUnreadable: "folder-unreadable"
        case .notAFile: "not-a-file"
        case .unreadable: "unreadable"
        case .emptyFile: "empty"
        case .blankFile: "blank"
        case .binary: "binary"
        case .invalidUTF8: "invalid-utf8"
        case .lineTooLong: "line-too-long"
        case .tooLarge: "too-large"
        case .standardInputTooLarge: "input-too-large"
        case .cannotCopyInput: "input-not-copied"
        case .menusWithoutSearchLine: "menus-only"
        case .listingPage, .listingTeasers: "listing"
        case .textNoArticle, .textNoTitle, .textNoBody, .htmlNoTitle, .htmlNoBody: "no-article"
        case .itemNoTitle, .jsonNoTitle: "no-title"
        case .htmlUnparsable: "html-unparsable"
        case .noDate, .itemNoDate, .jsonNoDate: "no-date"
        case .itemBadDate, .jsonBadDate: "bad-date"
        case .notAFeed: "not-a-feed"
        case .xmlNoRoot, .xmlUnparsable: "xml-unparsable"
        case .feedNotOpened: "feed-unreadable"
        case .feedBroken: "feed-broken"
        case .itemNoText, .jsonNoBody: "no-text"
        case .jsonUnreadable: "json-unparsable"
        case .jsonNotObject: "not-an-object"
        case .jsonMalformed: "json-unparsable"
        case .jsonEmptyList: "no-records"
        case .recordTooLong: "record-too-long"
        case .stoppedReading: "stopped"
        case .repeated: "repeated"
        }
    }
}

/// Where in a file an import found an entry.
public enum ImportPlace: Sendable, Equatable, Hashable {
    /// A feed's item or entry, counted from 1.
    case item(Int)
    /// A line of a JSON Lines file.
    case line(Int)
    /// An element of a JSON list.
    case record(Int)
}
