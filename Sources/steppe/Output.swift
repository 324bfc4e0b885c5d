import Foundation
import SteppeCore

#if canImport(Glibc)
    import Glibc
#endif

/// How the commands write: whole, with `write(2)`, and a failing output is an error, not a crash
/// (`FileHandle.write` traps on a full disk or a closed pipe).
enum Output {
    /// Writes everything to standard output; exits with a one-line error when it cannot.
    static func print(_ text: String) {
        if let failure = write(text, to: STDOUT_FILENO) {
            // A reader that went away (`steppe list | head`) is not worth a message.
            if failure != EPIPE { _ = write("steppe: \(strings.cannotWriteOutput(String(cString: strerror(failure))))\n", to: STDERR_FILENO) }
            exit(1)
        }
    }

    /// Writes to standard error; a failure there has nowhere left to be reported.
    static func printError(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    /// nil when everything was written, else the errno.
    private static func write(_ text: String, to fd: Int32) -> Int32? {
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }
}
