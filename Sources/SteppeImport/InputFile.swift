import Foundation
import SteppeCore

#if canImport(Glibc)
    import Glibc
#endif

/// One file to import, found on the command line or in a folder.
struct InputFile: Sendable {
    enum Kind: Equatable { case page, html, feed, json, jsonLines }

    var url: URL
    /// How reports name it: the path as given, or "standard input".
    var displayPath: String
    var size: Int64
    /// The open, already unlinked copy of standard input; closed when the file is done.
    var temporaryDescriptor: Int32?

    var fileName: String? { temporaryDescriptor == nil ? url.lastPathComponent : nil }

    /// Files under a path, in name order; hidden files and folders are left out of folder walks.
    static func expand(_ input: String, skipped: inout [ImportReport.Skip]) -> [InputFile] {
        if input == "-" {
            do {
                return [try stdinCopy()]
            } catch {
                skipped.append(ImportReport.Skip(path: "standard input", problem: error))
                return []
            }
        }
        let url = URL(fileURLWithPath: input)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            skipped.append(ImportReport.Skip(path: input, problem: .noSuchPath))
            return []
        }
        guard isDirectory.boolValue else { return [file(url, input, &skipped)].compactMap { $0 } }
        // A folder that cannot be read is reported, not passed over in silence.
        let unreadable = FolderErrors()
        guard
            let walker = FileManager.default.enumerator(
                at: url, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles],
                errorHandler: { failed, error in
                    unreadable.add(failed, error)
                    return true
                })
        else {
            skipped.append(ImportReport.Skip(path: input, problem: .folderUnreadable(reason: nil)))
            return []
        }
        var found: [(String, URL)] = []
        for case let child as URL in walker {
            if (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true { continue }
            let relative = String(child.path.dropFirst(url.path.count).drop(while: { $0 == "/" }))
            found.append(((input.hasSuffix("/") ? input : input + "/") + relative, child))
        }
        for (failed, reason) in unreadable.all {
            let relative = String(failed.path.dropFirst(url.path.count).drop(while: { $0 == "/" }))
            let shown = relative.isEmpty ? input : (input.hasSuffix("/") ? input : input + "/") + relative
            skipped.append(ImportReport.Skip(path: shown, problem: .folderUnreadable(reason: reason)))
        }
        return found.sorted { $0.0 < $1.0 }.compactMap { file($0.1, $0.0, &skipped) }
    }

    /// What a folder walk could not read, collected from the walker's error handler.
    final class FolderErrors {
        var all: [(URL, String)] = []
        func add(_ url: URL, _ error: any Error) {
            let error = error as NSError
            let posix = (error.userInfo[NSUnderlyingErrorKey] as? NSError).map { String(cString: strerror(Int32($0.code))) }
            all.append((url, posix ?? error.localizedDescription))
        }
    }

    private static func file(_ url: URL, _ display: String, _ skipped: inout [ImportReport.Skip]) -> InputFile? {
        do {
            try RegularFile.check(url)
        } catch {
            // The path is shown once, as the report's own.
            let problem: ImportProblem
            switch error {
            case .notAFile(_, let kind): problem = .notAFile(kind)
            case .unreadable(_, let reason): problem = .unreadable(reason: reason)
            default: problem = .unreadable(reason: nil)
            }
            skipped.append(ImportReport.Skip(path: display, problem: problem))
            return nil
        }
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            skipped.append(ImportReport.Skip(path: display, problem: .unreadable(reason: String(cString: strerror(errno)))))
            return nil
        }
        return InputFile(url: url, displayPath: display, size: Int64(info.st_size))
    }

    /// The most standard input may hold: it is copied to disk first.
    static let standardInputLimit: Int64 = 2 << 30

    /// Standard input is copied to a private temporary file, so that feeds and JSON Lines stream from it
    /// like any file. The file is unlinked at once and read through `/proc/self/fd`, so that no signal
    /// or crash can leave it behind; it goes when the process does.
    private static func stdinCopy() throws(ImportProblem) -> InputFile {
        // $TMPDIR first, /tmp when that cannot take the copy.
        var fd: Int32 = -1
        var failure = ""
        for folder in [FileManager.default.temporaryDirectory, URL(fileURLWithPath: "/tmp")] {
            let url = folder.appendingPathComponent("steppe-import-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
            fd = open(url.path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 {
                unlink(url.path)
                break
            }
            failure = String(cString: strerror(errno))
        }
        guard fd >= 0 else { throw ImportProblem.cannotCopyInput(reason: failure) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var total: Int64 = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            if got < 0 {
                close(fd)
                throw ImportProblem.unreadable(reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            // Binary input is known from its first bytes: no need to copy the rest of it.
            if total == 0, buffer[0..<min(got, 8192)].contains(0) {
                close(fd)
                throw ImportProblem.binary
            }
            total += Int64(got)
            guard total <= standardInputLimit else {
                close(fd)
                throw ImportProblem.standardInputTooLarge(gigabytes: Int(standardInputLimit >> 30))
            }
            let written = buffer.withUnsafeBytes { write(fd, $0.baseAddress, got) }
            guard written == got else {
                close(fd)
                throw ImportProblem.cannotCopyInput(reason: String(cString: strerror(errno)))
            }
        }
        return InputFile(
            url: URL(fileURLWithPath: "/proc/self/fd/\(fd)"), displayPath: "standard input", size: total, temporaryDescriptor: fd)
    }

    func cleanUp() { if let temporaryDescriptor { close(temporaryDescriptor) } }

    func read(limit: Int64) throws(ImportProblem) -> Data {
        guard size <= limit else { throw ImportProblem.tooLarge(megabytes: Int(size >> 20), limitMegabytes: Int(limit >> 20)) }
        guard let data = RegularFile.read(url, limit: limit) else { throw ImportProblem.unreadable(reason: nil) }
        return data
    }

    /// What the file holds, from its first bytes; the reason it cannot be imported otherwise.
    func sniff() -> Result<Kind, ImportProblem> {
        guard size > 0 else { return .failure(.emptyFile) }
        guard let fd = try? RegularFile.open(url) else { return .failure(.unreadable(reason: nil)) }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 4096)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard got > 0 else { return .failure(.unreadable(reason: nil)) }
        head.removeSubrange(got...)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.contains(0) { return .failure(.binary) }
        guard let first = head.firstIndex(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return size <= Int64(got) ? .failure(.blankFile) : .success(.page)
        }
        // A name that says JSON is believed whatever its first value is (`null` on the first line of a
        // JSON Lines file must not make it a text page).
        switch url.pathExtension.lowercased() {
        case "jsonl", "ndjson": return .success(.jsonLines)
        case "json" where temporaryDescriptor == nil: return .success(.json)
        default: break
        }
        switch head[first] {
        case UInt8(ascii: "<"):
            let text = String(decoding: head[first...].prefix(2048), as: UTF8.self).lowercased()
            let isHTML = text.contains("<html") || text.hasPrefix("<!doctype html") || text.contains("<body")
                || text.hasPrefix("<p") || text.hasPrefix("<div") || text.hasPrefix("<article")
            if !isHTML && (text.contains("<rss") || text.contains("<feed") || text.contains("<rdf:rdf")) { return .success(.feed) }
            if isHTML { return .success(.html) }
            if text.hasPrefix("<?xml") { return .success(.feed) }
            return .success(.html)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let ext = url.pathExtension.lowercased()
            if ext == "jsonl" || ext == "ndjson" { return .success(.jsonLines) }
            if ext == "json" || head[first] == UInt8(ascii: "[") { return .success(.json) }
            // One object per line: the first line closes its object and the next opens another.
            let lines = head[first...].split(separator: 0x0A, omittingEmptySubsequences: true)
            if lines.count >= 2, lines[lines.startIndex].last(where: { $0 != 0x0D && $0 != 0x20 }) == UInt8(ascii: "}"),
                lines[lines.index(after: lines.startIndex)].first == UInt8(ascii: "{")
            {
                return .success(.jsonLines)
            }
            return .success(.json)
        default:
            return .success(.page)
        }
    }

    /// A file holding one article: a saved text page or an HTML page.
    func parsePage(_ kind: Kind) throws(ImportProblem) -> ArticleDraft {
        let data = try read(limit: Int64(Importer.pageLimit))
        if kind == .html { return try HTMLPageParser.parse(data) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let text = String(validatingUTF8Data: bytes) else {
            throw ImportProblem.invalidUTF8(byte: InputFile.firstInvalidUTF8(bytes))
        }
        var longest = 0
        var current = 0
        for byte in bytes {
            if byte == 0x0A {
                longest = max(longest, current)
                current = 0
            } else {
                current += 1
            }
        }
        longest = max(longest, current)
        if longest > Importer.lineLimit {
            throw ImportProblem.lineTooLong(megabytes: longest >> 20)
        }
        return try SavedPageParser.parse(text)
    }

    static func firstInvalidUTF8(_ data: Data) -> Int {
        var offset = 0
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput: return data.count
            case .error: return offset
            }
        }
    }
}

extension String {
    init?(validatingUTF8Data data: Data) {
        guard let value = String(bytes: data, encoding: .utf8) else { return nil }
        self = value
    }
}
