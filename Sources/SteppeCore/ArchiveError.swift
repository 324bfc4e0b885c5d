/// A problem that stops an archive from opening at all. Its description is one line that names the file.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    case malformedJSON(path: String, line: Int, column: Int, reason: String)
    case unsupportedFormatVersion(path: String, found: Int, supported: Int)
    case invalid(path: String, place: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let path):
            "\(path): no archive here (expected a folder with archive.json, or a .json file)"
        case .unreadable(let path, let reason):
            "\(path): cannot read: \(reason)"
        case .malformedJSON(let path, let line, let column, let reason):
            "\(path):\(line):\(column): malformed JSON: \(reason)"
        case .unsupportedFormatVersion(let path, let found, let supported):
            "\(path): formatVersion \(found) is not supported (this steppe reads version \(supported))"
        case .invalid(let path, let place, let reason):
            "\(path): \(place): \(reason)"
        }
    }
}

/// A problem with one entry of an archive. Skipped entries are left out; warnings are kept.
public struct ArchiveIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: UInt8, Sendable { case skipped = 0, warning = 1 }

    public var path: String
    /// 1-based line in the file, when the entry has one (JSON Lines).
    public var line: Int?
    /// 1-based column of a syntax error on that line.
    public var column: Int?
    /// Where in the document: `articles[3]` in a single-file archive, empty for JSON Lines.
    public var place: String
    public var articleID: String?
    public var message: String
    public var severity: Severity

    public init(
        path: String, line: Int? = nil, column: Int? = nil, place: String = "", articleID: String? = nil,
        message: String, severity: Severity = .skipped
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.place = place
        self.articleID = articleID
        self.message = message
        self.severity = severity
    }

    public var description: String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var parts = [location]
        if !place.isEmpty { parts.append(place) }
        if let articleID { parts.append("id '\(articleID)'") }
        let outcome = severity == .skipped ? " (entry skipped)" : ""
        return parts.joined(separator: ": ") + ": " + message + outcome
    }
}
