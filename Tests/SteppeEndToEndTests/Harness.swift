import Foundation
import Testing

/// Runs the built `steppe` binary, directly or inside a private tmux server.
enum Harness {
    /// The `steppe` executable built next to the test bundle.
    static var steppe: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // Test bundles may sit one level down (e.g. Foo.xctest/...).
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("steppe")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("steppe")
    }

    /// The children of a process, found through /proc, so no extra tools are needed.
    static func childProcesses(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            // Fields after the command name: state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && Int32(fields[1]) == parent
        }
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A temporary home so tests never see (or write) the user's own archive and cache.
    static func isolatedEnvironment(_ home: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home.path
        env["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        env["XDG_CACHE_HOME"] = home.appendingPathComponent("cache").path
        env["XDG_CONFIG_HOME"] = home.appendingPathComponent("config").path
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = nil
        env["SWIFT_BACKTRACE"] = "interactive=no"
        for (k, v) in extra { env[k] = v }
        return env
    }

    /// Runs a program to completion with posix_spawn and waitpid, its output captured in files.
    ///
    /// Not Foundation's Process: a daemon started by the child (the tmux server) could inherit a capture
    /// pipe and keep it open forever, and Process's exit notification depends on the inherited signal mask.
    @discardableResult
    static func run(
        _ executable: URL, _ arguments: [String], environment: [String: String]? = nil, capture: Bool = true
    ) throws -> Result {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-out-\(UUID().uuidString)").path
        let errPath = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-err-\(UUID().uuidString)").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, capture ? outPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, capture ? errPath : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Children start with no signals blocked, whatever this test process has blocked.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = [executable.path] + arguments
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            cArgs.forEach { free($0) }
            cEnv.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, &cArgs, &cEnv)
        guard spawned == 0 else { throw SpawnError(description: "cannot run \(executable.path): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdout = capture ? (FileManager.default.contents(atPath: outPath) ?? Data()) : Data()
        let stderr = capture ? (FileManager.default.contents(atPath: errPath) ?? Data()) : Data()
        return Result(
            status: exitStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `/bin/sh -c script` in a process group of its own, so that it and everything it runs
    /// can be killed together with `kill(-pid, …)`.
    static func spawnGroup(_ script: String, environment: [String: String]) -> pid_t {
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", script].map { (s: String) in strdup(s) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        let spawned = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, envp)
        posix_spawnattr_destroy(&attributes)
        for p in argv + envp { free(p) }
        return spawned == 0 ? pid : -1
    }

    /// The reader's command line for tmux, with the test's private folders.
    static func readerCommand(_ environment: [String: String], arguments: String = "") -> String {
        let variables = environment.filter { ["HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "LANG"].contains($0.key) }
            .map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        return "env \(variables) TERM=tmux-256color \(steppe.path) \(arguments)"
    }

    static func temporaryHome() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A private tmux server with one window running a command.
final class TmuxSession {
    let socket: String
    let tmux: URL

    init(command: String, width: Int, height: Int) throws {
        socket = "steppe-e2e-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))"
        guard let path = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first(where: FileManager.default.isExecutableFile)
        else { throw SkipReason("tmux is not installed; .ci/run installs it") }
        tmux = URL(fileURLWithPath: path)
        try Harness.run(
            tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", command],
            capture: false)
        try tmuxRun(["set-option", "-g", "remain-on-exit", "on"])
    }

    struct SkipReason: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    @discardableResult
    func tmuxRun(_ arguments: [String]) throws -> String {
        let result = try Harness.run(tmux, ["-L", socket] + arguments)
        return result.stdout
    }

    func send(_ keys: String...) throws { try tmuxRun(["send-keys"] + keys) }

    func screen() throws -> String { try tmuxRun(["capture-pane", "-p"]) }

    func resize(width: Int, height: Int) throws {
        try tmuxRun(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    func alternateScreenIsOn() throws -> Bool {
        try tmuxRun(["display-message", "-p", "#{alternate_on}"]).trimmingCharacters(in: .whitespacesAndNewlines) == "1"
    }

    /// Polls the screen until it satisfies `condition`, for at most `seconds`.
    @discardableResult
    func waitFor(_ seconds: Double = 10, _ what: String, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)")
        return last
    }

    func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try waitFor(seconds, "'\(text)'") { $0.contains(text) }
    }

    func close() { _ = try? tmuxRun(["kill-server"]) }
}

/// Every end-to-end test runs one at a time: a tmux server started while another test holds a pipe
/// open would inherit that pipe and keep the other test waiting for its end forever.
@Suite(.serialized) enum EndToEnd {}
