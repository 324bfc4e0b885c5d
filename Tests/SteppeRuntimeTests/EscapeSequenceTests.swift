import SteppeRuntime
import SteppeViewModel
import Testing

@Suite struct EscapeSequenceTests {
    func parse(_ s: String) -> EscapeSequence.Parsed { EscapeSequence.parse(Array(s)) }

    @Test func homeEndAndFriendsInEveryCommonForm() {
        #expect(parse("[1~") == .key(.home))
        #expect(parse("[H") == .key(.home))
        #expect(parse("OH") == .key(.home))
        #expect(parse("[4~") == .key(.end))
        #expect(parse("OF") == .key(.end))
        #expect(parse("[3~") == .key(.delete))
        #expect(parse("[5~") == .key(.pageUp))
        #expect(parse("[6~") == .key(.pageDown))
        #expect(parse("[Z") == .key(.backTab))
        #expect(parse("[1;5C") == .key(KeyPress(.right, .control)))
        #expect(parse("[1;3D") == .key(KeyPress(.left, .alt)))
        #expect(parse("[15~") == .key(KeyPress(.function(5))))
    }

    @Test func altKeysPasteMarksAndUnknownSequences() {
        #expect(parse("") == .key(.escape))
        #expect(parse("b") == .key(.alt("b")))
        #expect(parse("[200~") == .pasteStart)
        #expect(parse("[201~") == .pasteEnd)
        #expect(parse("[99x") == .unknown)
        #expect(parse("[12;40R") == .unknown)  // a cursor position report, not Ctrl-F3
        #expect(parse("]0;title") == .unknown)
        #expect(EscapeSequence.isComplete(Array("[1;5")) == false)
        #expect(EscapeSequence.isComplete(Array("[1;5C")))
    }
}
