/// A problem that stops an archive from opening at all. Its description is one line that names the file.
public enum ArchiveError: Error, Sendable, Equatable, CustomStringConvertible {
    case notFound(path: String)
    case unreadable(path: String, reason: String)
    /// An update of the archive could not be written; the archive is as it was.
    case unwritable(path: String, reason: String)
    case malformedJSON(path: String, line: Int, column: Int, reason: String)
    case unsupportedFormatVersion(path: String, found: Int, supported: Int)
    case invalid(path: String, place: String, reason: String)
    /// An article's line no longer holds the article indexed there: the file was rewritten under the reader.

    case archiveChanged(path: String, line: Int)
    /// A folder, a FIFO, a device or a socket where a file was expected.
    case notAFile(path: String, kind: RegularFile.Kind)

    public var description: String { Strings.english.archiveError(self) }
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

    public var description: String { description(Strings.english) }

    public func description(_ strings: Strings) -> String {
        var location = path
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var parts = [location]
        if !place.isEmpty { parts.append(place) }
        if let articleID { parts.append("id '\(articleID)'") }
        let outcome = severity == .skipped ? " (\(strings.entrySkipped))" : ""
        return parts.joined(separator: ": ") + ": " + message + outcome
    }
}
