// libFuzzer entry points for the code that reads untrusted bytes. Built and run by `.ci/fuzz`, which
// compiles them together with SteppeCore's sources (so internal entry points are reachable):
//   swiftc -sanitize=fuzzer,address -parse-as-library -D FUZZ_SCANNER Sources/SteppeCore/**/*.swift …
import Foundation

#if FUZZ_SCANNER || FUZZ_VALIDATOR
    /// One scratch archive per process, rewritten for every input.
    private let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? Data(#"{"formatVersion": 1, "title": "Fuzz"}"#.utf8).write(to: url.appendingPathComponent("archive.json"))
        return url
    }()
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    #if FUZZ_SCANNER
        // The JSON Lines scanner and the header rules, then every body the index points at.
        try? bytes.write(to: scratch.appendingPathComponent("articles.jsonl"))
        if let library = try? ArchiveReader.open(scratch.path) {
            for header in library.catalogue.headers { _ = try? library.bodies.article(header) }
        }
    #elseif FUZZ_VALIDATOR
        try? bytes.write(to: scratch.appendingPathComponent("articles.jsonl"))
        _ = try? ArchiveValidator.validate(scratch.path)
    #elseif FUZZ_CACHE
        // The cache body after its checksum: what a damaged file with a lucky checksum would feed it.
        bytes.withUnsafeBytes { raw in
            var reader = ByteReader(raw)
            _ = HeaderCache.decode(&reader, articlesPath: "/fuzz/articles.jsonl", articlesSize: 1 << 20, nodeCount: 64)
        }
    #endif
    return 0
}
