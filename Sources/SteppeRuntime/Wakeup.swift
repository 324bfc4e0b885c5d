#if canImport(Glibc)
    import Glibc
#endif

/// A self-pipe that wakes the main loop from its wait for input when background work posts a result.
///
/// The loop polls the terminal's input and this pipe's read end together; writing a byte here ends
/// that wait. Signalling more than once before the loop looks costs nothing more.
public final class Wakeup: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            // Without a pipe the loop still works: it falls back to polling with a short timeout.
            fds = [-1, -1]
        }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    deinit {
        if readEnd >= 0 { close(readEnd) }
        if writeEnd >= 0 { close(writeEnd) }
    }

    /// The descriptor to poll for reading; -1 when no pipe could be made.
    public var fileDescriptor: Int32 { readEnd }
    /// The end a signal handler may write a byte to, to wake the loop (write(2) is async-signal-safe).
    public var signalDescriptor: Int32 { writeEnd }

    public func signal() {
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe, once the loop has taken what was posted.
    public func drain() {
        guard readEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    /// What `wait` saw of the other descriptor.
    public enum Other: Sendable, Equatable {
        case quiet
        case readable
        /// Hung up or failed: no input will ever come from it.
        case closed
    }

    /// Waits up to `milliseconds` (forever when nil) for a signal, or for `other` to be readable.
    /// Returns what is ready; nothing on a timeout or an interrupting signal (a resize).
    public func wait(milliseconds: Int?, alongside other: Int32? = nil) -> (woken: Bool, other: Other) {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let other { fds.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
        let timeout = Int32(clamping: readEnd >= 0 ? (milliseconds ?? -1) : min(milliseconds ?? 15, 15))
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        guard ready > 0 else { return (false, .quiet) }
        var state = Other.quiet
        if fds.count > 1 {
            let events = fds[1].revents
            if events & Int16(POLLIN) != 0 {
                state = .readable
            } else if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                state = .closed
            }
        }
        return (fds[0].revents & Int16(POLLIN) != 0, state)
    }
}
