import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Opens archive files for reading, refusing anything but a regular file.
///
/// Opened without blocking and checked before a byte is read: a FIFO would otherwise hang every
/// command until a writer appeared, and a device or a folder gives misleading errors.
public enum RegularFile {
    /// A descriptor of a regular file; the caller closes it.
    package static func open(_ url: URL) throws(ArchiveError) -> Int32 {
        let fd = Glibc.open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = String(cString: strerror(errno))
            // A socket cannot be opened at all: say what it is rather than "no such device".
            var info = stat()
            if stat(url.path, &info) == 0, let kind = Kind(mode: info.st_mode) { throw .notAFile(path: url.path, kind: kind) }
            throw .unreadable(path: url.path, reason: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw .unreadable(path: url.path, reason: reason)
        }
        guard let kind = Kind(mode: info.st_mode) else {
            // Reads of a regular file never block; the flag only mattered for opening.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
            return fd
        }
        close(fd)
        throw .notAFile(path: url.path, kind: kind)
    }

    /// Checks that `url` names a readable regular file.
    public static func check(_ url: URL) throws(ArchiveError) {
        close(try open(url))
    }

    /// The whole of a regular file of at most `limit` bytes; nil for anything else (a FIFO would
    /// block, a device could be endless, a huge file is not worth reading).
    public static func read(_ url: URL, limit: Int64) -> Data? {
        guard let fd = try? open(url) else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int64(info.st_size) <= limit else { return nil }
        var data = Data(count: Int(info.st_size))
        let complete = data.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + done, buffer.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return complete ? data : nil
    }

    /// What a path is when it is not a regular file.
    public enum Kind: String, Sendable, Equatable {
        case directory, fifo, characterDevice, blockDevice, socket

        init?(mode: mode_t) {
            switch mode & S_IFMT {
            case S_IFREG: return nil
            case S_IFDIR: self = .directory
            case S_IFIFO: self = .fifo
            case S_IFCHR: self = .characterDevice
            case S_IFBLK: self = .blockDevice
            default: self = .socket
            }
        }
    }
}
