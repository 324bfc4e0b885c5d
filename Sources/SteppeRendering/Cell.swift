import SteppeViewModel

/// One terminal cell: a grapheme, how many columns it takes, and what it is.
///
/// A wide character occupies its cell and the next one; the next one is a continuation (width 0)
/// that the backend does not draw.
public struct Cell: Sendable, Equatable {
    public var character: Character
    public var width: UInt8
    public var role: StyleRole
    public var modifiers: StyleModifiers

    public init(_ character: Character, width: UInt8 = 1, role: StyleRole = .base, modifiers: StyleModifiers = []) {
        self.character = character
        self.width = width
        self.role = role
        self.modifiers = modifiers
    }

    public static let blank = Cell(" ")
    static func continuation(_ role: StyleRole, _ modifiers: StyleModifiers = []) -> Cell {
        Cell(" ", width: 0, role: role, modifiers: modifiers)
    }

    public var isContinuation: Bool { width == 0 }
}
