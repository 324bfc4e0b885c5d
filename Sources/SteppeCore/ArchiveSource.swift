import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where an archive lives on disk, in one of the two layouts of format v1.
public struct ArchiveSource: Sendable, Equatable {
    public enum Layout: Sendable, Equatable {
        /// A folder with `archive.json` (metadata and taxonomy) beside JSON Lines files of articles:
        /// the main file first, then the segments imports appended, in order. A later file's entry
        /// replaces an earlier one with the same id.
        case directory(files: [URL])
        /// One `.json` file holding metadata and articles together.
        case singleFile
    }

    public static let metadataFileName = "archive.json"
    public static let defaultArticlesFileName = "articles.jsonl"

    /// The file that holds the metadata (`archive.json`, or the single file).
    public var metadataURL: URL
    public var layout: Layout

    public init(metadataURL: URL, layout: Layout) {
        self.metadataURL = metadataURL
        self.layout = layout
    }

    /// The folder or file the user named.
    public var displayPath: String {
        switch layout {
        case .directory: metadataURL.deletingLastPathComponent().path
        case .singleFile: metadataURL.path
        }
    }

    /// `~` and `~/…` on `$HOME`, as the shell and the XDG resolver read it.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = XDGDirectories().home
        return home.path + path.dropFirst()
    }

    /// The size, times and inode of the file that holds the metadata: an import replaces `archive.json`
    /// (a new inode), so any update of the archive changes it. nil when the path cannot be resolved.
    public static func stamp(_ path: String) -> [Int64]? {
        guard let url = try? locate(path) else { return nil }
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return [
            Int64(info.st_size), Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec), Int64(info.st_ctim.tv_sec),
            Int64(info.st_ctim.tv_nsec), Int64(bitPattern: UInt64(info.st_ino)),
        ]
    }

    /// Resolves a path the user gave: a folder holding `archive.json`, that file itself, or a single `.json` file.
    /// The articles file is named by the metadata, so it is filled in by `ArchiveReader`.
    public static func locate(_ path: String) throws(ArchiveError) -> URL {
        let url = URL(fileURLWithPath: expandingTilde(path)).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw .notFound(path: url.path)
        }
        if isDirectory.boolValue {
            let metadata = url.appendingPathComponent(metadataFileName)
            guard FileManager.default.fileExists(atPath: metadata.path) else {
                // A folder that cannot be searched hides its archive.json: say so rather than "no archive".
                if access(url.path, R_OK | X_OK) != 0 {
                    throw .unreadable(path: url.path, reason: String(cString: strerror(errno)))
                }
                throw .notFound(path: url.path)
            }
            return metadata
        }
        return url
    }
}

/// The archive's metadata: `archive.json` in the folder layout, the top level of a single file.
public struct ArchiveMetadata: Sendable, Equatable, Codable {
    public static let supportedFormatVersion = 1

    public var formatVersion: Int
    public var title: String
    public var description: String?
    /// Folder layout only: the JSON Lines file of articles, relative to `archive.json`.
    public var articlesFile: String?
    /// Folder layout only: JSON Lines files added by imports, read after `articlesFile` in this
    /// order; an entry replaces any earlier one with its id. Plain file names in the archive's folder.
    public var segments: [String]?
    /// Counts the imports committed to this archive; names new segment files.
    public var generation: Int?
    /// The archive's own taxonomy; Eurasianet's applies when absent.
    public var taxonomy: Taxonomy?

    public init(
        formatVersion: Int = ArchiveMetadata.supportedFormatVersion, title: String, description: String? = nil,
        articlesFile: String? = nil, segments: [String]? = nil, generation: Int? = nil, taxonomy: Taxonomy? = nil
    ) {
        self.formatVersion = formatVersion
        self.title = title
        self.description = description
        self.articlesFile = articlesFile
        self.segments = segments
        self.generation = generation
        self.taxonomy = taxonomy
    }

    /// Whether a segment name stays inside the archive's folder and is not a hidden or temporary file.
    public static func isPlainSegmentName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && name != ArchiveSource.metadataFileName
            && name.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }

    /// The articles file stays inside the archive's folder: a relative path without `..`, and not
    /// `archive.json` itself.
    public static func isConfinedArticlesPath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && path != ArchiveSource.metadataFileName
            && parts.allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
