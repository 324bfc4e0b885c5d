import SteppeCore
import SteppeTestSupport
import Testing

@testable import SteppeViewModel

/// An import changed the archive on disk while it was open.
@Suite struct ReloadTests {
    func state() -> AppState {
        AppState(size: Size(width: 120, height: 40), archiveLabel: "test", catalogue: TestLibrary.make().catalogue)
    }

    @Test func aChangeOnDiskIsOfferedNotForced() {
        var s = state()
        s.notice = "Bookmarked"
        let before = s
        #expect(s.reduce(.archiveChangedOnDisk) == [])
        var expected = before
        expected.isArchiveChangedOnDisk = true
        expected.notice = nil
        #expect(s == expected)
    }

    @Test func capitalRAsksForTheArchiveAgain() {
        var s = state()
        _ = s.reduce(.archiveChangedOnDisk)
        #expect(s.reduce(.keyPressed(.char("R"))) == [.reloadArchive])
    }

    @Test func theReloadedArchiveKeepsTheReadersPlace() {
        var s = state()
        s.press(.tab)
        while s.id(at: s.list.selected) != "panj" { s.press(.down) }
        s.press(.enter)
        let reading = s.reader?.articleID
        #expect(reading == "panj")
        let place = s.session
        _ = s.reduce(.archiveChangedOnDisk)
        let bigger = TestLibrary.make(extra: 3).catalogue
        let effects = s.reduce(.archiveReloaded(bigger, label: nil))
        #expect(s.catalogue == bigger)
        #expect(s.isArchiveChangedOnDisk == false)
        #expect(s.session == place)
        #expect(s.reader?.articleID == "panj")
        #expect(effects.contains(.loadArticle(id: "panj")))
        #expect(s.notice == s.strings.archiveReloaded)
    }

    @Test func theReadersOwnArchiveReplacesTheSampleAsANewStart() {
        var s = state()
        s.press(.tab, .down)
        _ = s.reduce(.archiveChangedOnDisk)
        let own = TestLibrary.make(extra: 1).catalogue
        let effects = s.reduce(.archiveReloaded(own, label: "~/.local/share/steppe/archive"))
        #expect(effects == [.loadSession])
        #expect(s.archiveLabel == "~/.local/share/steppe/archive")
        #expect(s.catalogue == own)
        #expect(s.focus == .menu)
        #expect(s.isArchiveChangedOnDisk == false)
    }

    @Test func aReloadThatFailsKeepsTheOpenArchive() {
        var s = state()
        let catalogue = s.catalogue
        _ = s.reduce(.archiveReloadFailed(.notFound(path: "/gone")))
        #expect(s.catalogue == catalogue)
        #expect(s.isQuitting == false)
        #expect(s.notice == s.strings.archiveError(.notFound(path: "/gone")))
    }
}
