import SteppeCore

/// What a reader can set about the screen (from config.toml): where the panes go, how wide the text
/// runs, how dates read, whether the mouse is used. The defaults are what steppe does unconfigured.
public struct Preferences: Sendable, Equatable {
    public enum Arrangement: String, Sendable, CaseIterable {
        /// Side by side from `wideFrom` columns, stacked below.
        case auto
        case stacked
        case sideBySide = "side-by-side"
    }

    public var arrangement: Arrangement = .auto
    /// From this width the menu and the list (or article) stand side by side.
    public var wideFrom = 100
    /// From this width the list stays visible beside an open article.
    public var threeColumnsFrom = 160
    /// The menu's width in columns; 0 sizes it to the screen (a quarter, 26 to 44).
    public var menuWidth = 0
    /// The list's share, in percent, of the room right of the menu when an article is open beside it.
    public var listPercent = 40
    /// The longest line of article text, centred in its pane; 0 lets text fill the pane.
    public var readingWidth = 88
    /// How dates are written (`DateFormat`).
    public var dateFormat = DateFormat.iso
    public var mouse = true

    public init() {}

    public static let standard = Preferences()

    /// Bounds the settings may take; outside them the configuration says so and keeps the default.
    public static let widthRange = 40...1000
    public static let menuWidthRange = 0...200
    public static let listPercentRange = 20...80
    /// 0 (the pane's width) or this.
    public static let readingWidthRange = 20...1000
    /// The widest a list date may be written.
    public static let dateWidthLimit = 24
}
