import Foundation
import Testing

@testable import SteppeCore

/// Deterministic property tests (fixed seeds): the parallel scan agrees with the serial one, and no
/// damage to an archive file crashes indexing, validation or reading a body.
@Suite struct ScannerPropertyTests {
    func lines(_ count: Int) -> [String] {
        (0..<count).map { i in
            i % 17 == 5 ? "{\"id\": \"broken-\(i)\"" : Fixtures.line(id: "line-\(i)", title: "Title \(i) Таджикистан 霍尔果斯")
        }
    }

    @Test(arguments: [2, 3, 7])
    func aSplitScanGivesWhatASerialOneGives(parts: Int) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let url = try scratch.folderArchive(lines(300)).appendingPathComponent("articles.jsonl")
        func summary(_ scanned: [ScannedLine<HeaderRecord>]) -> [String] {
            scanned.map { line in
                switch line.result {
                case .success(let record): "\(line.span.line) \(line.span.offset) \(line.span.length) \(record.id)"
                case .failure(let failure): "\(line.span.line) \(line.span.offset) \(failure.message)"
                }
            }
        }
        let serial = summary(try JSONLinesScanner.scan(url, as: HeaderRecord.self, parts: 1))
        #expect(serial.count == 300)
        #expect(summary(try JSONLinesScanner.scan(url, as: HeaderRecord.self, parts: parts)) == serial)
    }

    @Test func damagedArchivesNeverCrashAnything() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let dir = try scratch.folderArchive(lines(40))
        let url = dir.appendingPathComponent("articles.jsonl")
        let pristine = [UInt8](try Data(contentsOf: url))
        var random = SplitMix(state: 2011_05_05)
        for _ in 0..<150 {
            var bytes = pristine
            for _ in 0..<(1 + random.next(6)) {
                let at = random.next(bytes.count)
                switch random.next(4) {
                case 0: bytes[at] ^= UInt8(1 << random.next(8))
                case 1: bytes.insert(UInt8(random.next(256)), at: at)
                case 2: bytes.remove(at: at)
                default: bytes.insert(contentsOf: [0x0A, 0x7B, 0x22], at: at)
                }
            }
            try Data(bytes).write(to: url)
            // Whatever the damage: an error that names the file, or an archive whose every body reads
            // or fails with an error; never a trap.
            if let library = try? ArchiveReader.open(dir.path) {
                for header in library.catalogue.headers {
                    let span = try #require(header.span)
                    #expect(span.offset >= 0 && span.offset + Int64(span.length) <= Int64(bytes.count))
                    _ = try? library.bodies.article(header)
                }
            }
            _ = try? ArchiveValidator.validate(dir.path)
        }
    }
}
