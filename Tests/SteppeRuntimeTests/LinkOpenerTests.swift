import SteppeRuntime
import Testing

@Suite struct LinkOpenerTests {
    @Test func browserListFallsBackInOrder() {
        let environment = ["PATH": "/usr/bin:/bin", "BROWSER": "no-such-browser:/bin/true %s"]
        #expect(LinkOpener.open("https://example.org/a", environment: environment) == .opened(program: "true"))
        #expect(LinkOpener.open("https://example.org/a", environment: ["PATH": "/nonexistent"]) == .noBrowser)
    }
}
