import Foundation
import SteppeRuntime
import SteppeViewModel
import Testing

@Suite struct SessionStoreTests {
    @Test func savesPerArchiveAndSurvivesADamagedFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("steppe-session-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = SessionStore(file: dir.appendingPathComponent("state/session.json"))
        #expect(store.load(for: "/a") == nil)
        let a = Session(node: Session.Node(facet: "regions", slug: "tajikistan"), articleID: "panj",
                        anchor: ArticleLayout.Anchor(block: 3, offset: 120))
        let b = Session(node: Session.Node(facet: nil, slug: "all"))
        try store.save(a, for: "/a")
        try store.save(b, for: "/b")
        #expect(store.load(for: "/a") == a)
        #expect(store.load(for: "/b") == b)
        // Nothing but the file and its lock is left in the folder: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("state").path).sorted()
            == [".session.json.lock", "session.json"])
        try Data("{\"formatVersion\": 1, \"archives\": {\"/a\": [".utf8).write(to: store.file)
        #expect(store.load(for: "/a") == nil)
        try store.save(b, for: "/b")
        #expect(store.load(for: "/b") == b)
    }
}
