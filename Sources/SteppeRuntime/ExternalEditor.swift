import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Edits text in the reader's own editor (`E`): `$VISUAL`, else `$EDITOR`, on a temporary file.
///
/// The editor runs in steppe's terminal, which the loop hands over for the time (the screen is
/// suspended and restored after). The variable may hold arguments (`code -w`), so it runs through
/// `/bin/sh`, with the file as a separate argument that the shell never reads as code.
public enum ExternalEditor {
    public enum Outcome: Sendable, Equatable {
        /// The text after editing; nil when the file was left as it was.
        case edited(String?)
        case failed(String)
        case noEditor
    }

    /// The most text read back: a note, not a book.
    static let limit = 1 << 20

    /// `isTerminating` is asked while the editor runs: when steppe is told to end, the editor is told
    /// too (SIGTERM), and whatever it saved is kept, rather than left running on a terminal steppe gives up.
    public static func edit(
        _ text: String, environment: [String: String], isTerminating: @Sendable () -> Bool = { false }
    ) -> Outcome {
        guard let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 }).first(where: { !$0.isEmpty })
        else { return .noEditor }
        // A private folder, so no other account can swap the file while the editor has it open.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-\(getuid())-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(folder.path, 0o700) == 0 else { return .failed(String(cString: strerror(errno))) }
        var keepsFile = false
        defer { if !keepsFile { try? FileManager.default.removeItem(at: folder) } }
        let file = folder.appendingPathComponent("note.md")
        do {
            try Data(text.utf8).write(to: file)
        } catch {
            return .failed(error.localizedDescription)
        }
        let status = run(["/bin/sh", "-c", editor + " \"$1\"", "sh", file.path], isTerminating: isTerminating)
        // Told to end by steppe's signal: what the editor saved so far still counts.
        guard status == 0 || isTerminating() else {
            return .failed(status < 0 ? String(cString: strerror(-status)) : "\(editor): exit status \(status)")
        }
        guard let data = try? Data(contentsOf: file), data.count <= limit else {
            // The reader's text is in that file: it stays where they can find it.
            keepsFile = true
            return .failed("\(file.path) could not be read back (more than 1 MB?); it is kept")
        }
        let edited = String(decoding: data, as: UTF8.self)
        return .edited(edited == text ? nil : edited)
    }

    /// Runs a program in the foreground on this terminal and waits for it; its exit status, or −errno.
    private static func run(_ arguments: [String], isTerminating: @Sendable () -> Bool) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], nil, &attributes, argv, environ)
        guard result == 0 else { return -result }
        var status: Int32 = 0
        var told = false
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done < 0 && errno != EINTR) { break }
            if !told && isTerminating() {
                kill(pid, SIGTERM)
                told = true
            }
            usleep(20_000)
        }
        // WIFEXITED / WEXITSTATUS, which Swift cannot import as macros.
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
