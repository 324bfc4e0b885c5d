import Foundation

/// Starts a browser on a link, detached from the terminal, as `o` asks.
///
/// `$BROWSER` is a colon-separated list of programs (a `%s` in one stands for the link), the first
/// that exists wins; without it, `xdg-open`. The browser gets no terminal: its input and output go
/// to /dev/null and it runs in a session of its own, so it can neither read keys meant for steppe
/// nor draw over the screen, and steppe does not wait for it.
public enum LinkOpener {
    public enum Outcome: Sendable, Equatable {
        case opened(program: String)
        case noBrowser
        case failed(String)
    }

    public static func open(_ link: String, environment: [String: String]) -> Outcome {
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
            let process = Process()
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(arguments.dropFirst())
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            do {
                try process.run()
            } catch {
                return .failed((error as NSError).localizedDescription)
            }
            return .opened(program: URL(fileURLWithPath: program).lastPathComponent)
        }
        return .noBrowser
    }

    private static func resolve(_ name: String, in path: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
