/// The help screen over everything.
public struct HelpState: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable { case close }

    public var scroll: Int = 0

    public init() {}

    public mutating func reduce(_ command: Command, lineCount: Int, visible: Int) -> Outcome? {
        let page = max(1, visible)
        switch command {
        case .moveDown, .pointerScrollDown: scroll += command == .moveDown ? 1 : 3
        case .moveUp, .pointerScrollUp: scroll -= command == .moveUp ? 1 : 3
        case .pageDown: scroll += page
        case .pageUp: scroll -= page
        case .top: scroll = 0
        case .bottom: scroll = lineCount
        case .back, .toggleHelp: return .close
        default: return nil
        }
        clamp(lineCount: lineCount, visible: visible)
        return nil
    }

    public mutating func clamp(lineCount: Int, visible: Int) {
        scroll = ScrollMath.clamp(top: scroll, count: lineCount, visible: visible)
    }
}
