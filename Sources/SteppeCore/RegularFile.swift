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
    static func open(_ url: URL) throws(ArchiveError) -> Int32 {
        let fd = Glibc.open(url.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(path: url.path, reason: String(cString: strerror(errno))) }
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
    static func check(_ url: URL) throws(ArchiveError) {
        close(try open(url))
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
