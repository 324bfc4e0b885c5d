import Foundation

/// Starts a browser on a link, detached from the terminal, as `o` asks.
///
/// `$BROWSER` is a colon-separated list of programs (a `%s` in one stands for the link), the first
/// that exists wins; without it, `xdg-open`. The browser gets no terminal: its input and output go
/// to /dev/null and it runs in a session of its own, so it can neither read keys meant for steppe
/// nor draw over the screen, and steppe does not wait for it. Only web links are opened (the
/// reducer checks), so an archive cannot hand a browser an option or a local file.
public enum LinkOpener {
    public enum Outcome: Sendable, Equatable {
        case opened(program: String)
        case noBrowser
        case failed(String)
    }

    public static func open(_ link: String, environment: [String: String]) -> Outcome {
        // The browser's environment is ours; the link is its last argument, never the first.
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        var candidates: [[String]] = []
        if let browser = environment["BROWSER"], !browser.isEmpty {
            for entry in browser.split(separator: ":") {
                let words = entry.split(separator: " ").map(String.init)
                guard !words.isEmpty else { continue }
                let arguments = words.contains { $0.contains("%s") }
                    ? words.map { $0.replacingOccurrences(of: "%s", with: link) } : words + [link]
                candidates.append(arguments)
            }
        }
        candidates.append(["xdg-open", link])
        for arguments in candidates {
            guard let program = resolve(arguments[0], in: path) else { continue }
            if let failure = spawnDetached(program, arguments: Array(arguments.dropFirst())) { return .failed(failure) }
            return .opened(program: URL(fileURLWithPath: program).lastPathComponent)
        }
        return .noBrowser
    }

    /// glibc's POSIX_SPAWN_SETSID (2.26 and later), which Swift cannot import.
    private static let spawnSetsid: Int16 = 0x80

    /// Starts `program` in a session of its own with /dev/null for its input and output, so it has no
    /// controlling terminal to read from or draw on; nil, or why it could not start.
    private static func spawnDetached(_ program: String, arguments: [String]) -> String? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var signals = sigset_t()
        sigemptyset(&signals)
        posix_spawnattr_setsigmask(&attributes, &signals)
        posix_spawnattr_setflags(&attributes, spawnSetsid | Int16(POSIX_SPAWN_SETSIGMASK))
        let argv: [UnsafeMutablePointer<CChar>?] = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, &actions, &attributes, argv, environ)
        guard result == 0 else { return String(cString: strerror(result)) }
        // Reaped in the background, so no zombie is left; nobody waits for the browser itself.
        let child = pid
        Thread.detachNewThread {
            var status: Int32 = 0
            _ = waitpid(child, &status, 0)
        }
        return nil
    }

    private static func resolve(_ name: String, in path: String) -> String? {
        // A folder has an execute bit too: only an executable file will do.
        func isProgram(_ path: String) -> Bool {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: path)
        }
        if name.contains("/") { return isProgram(name) ? name : nil }
        for directory in path.split(separator: ":") where isProgram("\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        return nil
    }
}
