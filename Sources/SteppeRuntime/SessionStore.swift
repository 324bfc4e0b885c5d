import Foundation
import SteppeCore
import SteppeViewModel

#if canImport(Glibc)
    import Glibc
#endif

/// Where the reader left each archive, in one small JSON file under `$XDG_STATE_HOME/steppe`.
///
/// It is state, not the user's data: a file that cannot be read is treated as empty and replaced on
/// the next save. Saving writes a new file beside the old one and renames it over, so a crash leaves
/// either the old file or the new one.
public struct SessionStore: Sendable {
    public let file: URL

    public init(file: URL) { self.file = file }

    private struct Contents: Codable {
        var formatVersion = 1
        var archives: [String: Session] = [:]
    }

    /// The place saved for the archive at `archivePath`.
    public func load(for archivePath: String) -> Session? {
        read()?.archives[archivePath]
    }

    public func save(_ session: Session, for archivePath: String) throws {
        // Two readers quitting at once must not drop each other's entry: one read-modify-write at a time.
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let lock = open(directory.appendingPathComponent(".\(file.lastPathComponent).lock").path,
                        O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        if lock >= 0 { _ = flock(lock, LOCK_EX) }
        defer { if lock >= 0 { flock(lock, LOCK_UN); close(lock) } }
        var contents = read() ?? Contents()
        contents.archives[archivePath] = session
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try write(try encoder.encode(contents))
    }

    private func read() -> Contents? {
        // A regular file of bounded size only: a FIFO here would otherwise hold quitting forever.
        guard let data = RegularFile.read(file, limit: 1 << 20) else { return nil }
        guard let contents = try? JSONDecoder().decode(Contents.self, from: data), contents.formatVersion == 1 else {
            return nil
        }
        return contents
    }

    private func write(_ data: Data) throws {
        let directory = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A fresh name each time, created exclusively, so no planted file or link is written through.
        let temporary = directory.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path]) }
        let written = data.withUnsafeBytes { bytes in Glibc.write(fd, bytes.baseAddress, bytes.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced, rename(temporary.path, file.path) == 0 else {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }
}
