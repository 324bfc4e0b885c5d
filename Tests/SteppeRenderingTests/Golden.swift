import Foundation
import Testing

/// Compares rendered lines with a reviewed text file under `Golden/`.
/// Run with `STEPPE_UPDATE_GOLDEN=1` to write the files anew, then review the diff like code.
enum Golden {
    static func check(_ lines: [String], _ name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name).txt")
        let actual = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["STEPPE_UPDATE_GOLDEN"] == "1" {
            let previous = try? String(contentsOf: url, encoding: .utf8)
            try? Data(actual.utf8).write(to: url)
            // Update mode never passes silently: a rewritten file is a change to review.
            if previous != actual {
                Issue.record("\(name): golden file rewritten; review the diff and run again", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(url.path); run with STEPPE_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.components(separatedBy: "\n")
            let a = actual.components(separatedBy: "\n")
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let shownExpected = first < e.count ? e[first] : "(end)"
            let shownActual = first < a.count ? a[first] : "(end)"
            Issue.record(
                "\(name): line \(first + 1) differs\n  expected: \(shownExpected)\n  actual:   \(shownActual)",
                sourceLocation: sourceLocation)
        }
    }
}
