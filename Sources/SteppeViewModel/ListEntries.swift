/// The articles of a list: positions in the catalogue for a taxonomy node (cheap at 50,000), or
/// article ids for the reader's own lists, which may name articles no longer in the archive.
public enum ListEntries: Sendable, Equatable {
    case positions([Int32])
    case ids([String])

    public var count: Int {
        switch self {
        case .positions(let p): p.count
        case .ids(let i): i.count
        }
    }

    public var isEmpty: Bool { count == 0 }

    /// One of the reader's own lists (which may name articles no longer in the archive).
    public var isPersonal: Bool {
        if case .ids = self { return true }
        return false
    }
    public var indices: Range<Int> { 0..<count }
}
