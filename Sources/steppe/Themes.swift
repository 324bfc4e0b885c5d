import ArgumentParser
import Foundation
import SteppeCore
import SteppeRendering
import SteppeResources
import SteppeTerminal
import SteppeViewModel

#if canImport(Glibc)
    import Glibc
#endif

/// `steppe themes`: the themes there are, each with a sample of its colours when the output is a
/// terminal that shows colour.
struct Themes: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutThemes)

    @OptionGroup var language: LanguageOption

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let directories = XDGDirectories(environment: environment)
        let bundled = BundledResources.themesDirectory
        let names = Theme.available(in: [directories.userThemes, bundled])
        let isTerminal = isatty(STDOUT_FILENO) == 1
        // Samples as the reader would draw them here: terminfo's colour count (direct colour for an
        // `xterm-direct`-like type) reduced as the reader reduces it, attributes only with NO_COLOR.
        let showsSample = isTerminal && !(environment["TERM"] ?? "dumb").hasPrefix("dumb")
        let colors = showsSample && (environment["NO_COLOR"] ?? "").isEmpty
            ? MainActor.assumeIsolated { CursesTerminal.colorsOfTerminal(on: STDOUT_FILENO) } : 0
        // The column is at most 24 wide, so one long name does not push every sample.
        let width = min(24, names.map { DisplayWidth.of(VisibleText.escape($0)) }.max() ?? 0)
        // On a terminal each theme takes one line: the sample goes when it does not fit, and the
        // description is cut to what is left.
        var size = winsize()
        let columns = isTerminal && ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : nil
        let sampleWidth = strings.themeSampleWords.map { DisplayWidth.of($0) + 2 }.reduce(0, +) + 2
        var output = ""
        var problems: [String] = []
        for name in names {
            let isOwn = FileManager.default.fileExists(atPath: directories.userThemes.appendingPathComponent("\(name).json").path)
            // Names are never cut (they are what --theme takes); a longer one pushes its own line.
            let shownName = VisibleText.escape(name)
            let padded = shownName + String(repeating: " ", count: max(0, width - DisplayWidth.of(shownName)))
            let (theme, problem) = (try? Theme.resolve(name, user: directories.userThemes, bundled: bundled)) ?? (nil, nil)
            if let problem { problems.append(problem) }
            // Yours are marked at the end of the line, so the samples stay in one column.
            let own = isOwn ? " " + strings.themeIsYours : ""
            var line = padded + "  "
            var used = DisplayWidth.of(line) + DisplayWidth.of(own)
            if let theme, problem == nil {
                if showsSample, used + sampleWidth <= (columns ?? Int.max) - 1 {
                    line += Themes.sample(theme, colors: colors) + "  "
                    used += sampleWidth
                }
                let description = VisibleText.escape(theme.description)
                let room = columns.map { max(0, $0 - used - 1) }
                line += room.map { DisplayWidth.truncate(description, to: $0) } ?? description
            } else {
                line += strings.themeDoesNotLoad
            }
            output += line + own + "\n"
        }
        Output.print(output)
        for problem in problems { Output.printError("steppe: " + VisibleText.escape(problem) + "\n") }
    }

    /// A few words in the theme's roles: menu group, unread title, selection, search match, warning.
    static func sample(_ theme: Theme, colors: Int) -> String {
        let shown = colors == 0 ? theme.withoutColor : theme.reduced(toColors: colors < 256 ? min(colors, 16) : colors)
        // As the reader draws them: an unread title and a selected one are titles with modifiers on.
        let looks: [(StyleRole, StyleModifiers)] = [
            (.paneTitleFocused, []), (.menuGroup, []), (.listTitle, .unread), (.listTitle, .selected), (.searchMatch, []),
            (.body, []), (.warning, []),
        ]
        return zip(looks, strings.themeSampleWords).map { look, word in
            sgr(shown.style(for: look.0, modifiers: look.1), base: shown.style(for: .base)) + " \(word) " + "\u{1B}[0m"
        }.joined()
    }

    /// The escape sequence that draws a style; a role without a background takes the theme's base one.
    static func sgr(_ style: CellStyle, base: CellStyle) -> String {
        var codes = ["0"]
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.italic { codes.append("3") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        func color(_ c: ThemeColor, _ layer: Int) -> String? {
            switch c {
            case .terminalDefault: nil
            // The basic sixteen in the forms every colour terminal knows (a Linux console has no 38;5).
            case .index(let i) where i < 8: "\(layer + Int(i))"
            case .index(let i) where i < 16: "\(layer + 60 + Int(i) - 8)"
            case .index(let i): "\(layer + 8);5;\(i)"
            case .rgb(let r, let g, let b): "\(layer + 8);2;\(r);\(g);\(b)"
            }
        }
        if let f = color(style.foreground, 30) { codes.append(f) }
        if let b = color(style.background == .terminalDefault ? base.background : style.background, 40) { codes.append(b) }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
