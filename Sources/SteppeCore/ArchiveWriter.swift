import Foundation

/// Writes a new archive in the folder layout of format v1: the articles file first, then
/// `archive.json`, each under a temporary name renamed into place. Until `archive.json` appears
/// there is no archive, so nobody ever reads half of one. Changing an existing archive is
/// `ArchiveUpdate`'s work, which commits with a single rename.
public struct ArchiveWriter {
    public let directory: URL

    public init(directory: URL) { self.directory = directory }

    /// Writes the archive; refuses a folder that already holds one.
    public func write(metadata: ArchiveMetadata, articles: some Sequence<Article>) throws {
        guard !FileManager.default.fileExists(atPath: directory.appendingPathComponent(ArchiveSource.metadataFileName).path) else {
            throw ArchiveError.invalid(
                path: directory.path, place: "folder", reason: "already holds an archive; imports add to it with steppe import")
        }
        var metadata = metadata
        let articlesName = metadata.articlesFile ?? ArchiveSource.defaultArticlesFileName
        metadata.articlesFile = articlesName
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try writeLines(articles, to: directory.appendingPathComponent(articlesName))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(metadata)
        try (data + Data("\n".utf8)).write(to: directory.appendingPathComponent(ArchiveSource.metadataFileName), options: .atomic)
    }

    /// Streams articles as JSON Lines into a temporary file, then renames it over `url`.
    private func writeLines(_ articles: some Sequence<Article>, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ArchiveError.unreadable(path: temporary.path, reason: "cannot create a file in \(directory.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        var buffer = Data()
        do {
            for article in articles {
                buffer.append(contentsOf: ArticleLine.encode(article))
                buffer.append(0x0A)
                if buffer.count > 1 << 20 {
                    try handle.write(contentsOf: buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try handle.write(contentsOf: buffer)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw ArchiveError.unreadable(path: url.path, reason: "cannot replace the file: \(reason)")
        }
    }
}
