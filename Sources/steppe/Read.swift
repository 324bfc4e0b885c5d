import ArgumentParser
import Foundation
import SteppeConfig
import SteppeCore
import SteppeRendering
import SteppeResources
import SteppeRuntime
import SteppeStore
import SteppeTerminal
import SteppeViewModel

#if canImport(Glibc)
    import Glibc
#endif

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutRead)

    @OptionGroup var options: ArchiveOptions

    @Option(help: ArgumentHelp(strings.helpTheme), completion: Completions.themes)
    var theme: String?

    /// The first mistake in the configuration or theme, and how many more `steppe config --check` lists.
    static func startupNotice(_ problems: [ConfigProblem], themeProblem: String?) -> String? {
        let inOrder = problems.inReadingOrder
        // The theme first: it is what the reader sees at once. How many there are leads, so that a
        // narrow status bar still says it.
        let all = (themeProblem.map { [$0] } ?? []) + inOrder.map(strings.configProblem)
        guard let first = all.first else { return nil }
        return (all.count > 1 ? strings.firstOfProblems(all.count) + " " : "") + VisibleText.escape(first)
    }

    func run() throws {
        // A locale the environment names but the system lacks (ru_RU.UTF-8 on a minimal install) makes
        // setlocale fail as a whole; the interface language does not depend on it, so fall back to
        // C.UTF-8 for character handling rather than refuse.
        if setlocale(LC_ALL, "") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        if let codeset = nl_langinfo(nl_item(CODESET)).map({ String(cString: $0) }), codeset != "UTF-8" {
            let environment = ProcessInfo.processInfo.environment
            let variable = ["LC_ALL", "LC_CTYPE"].first { !(environment[$0] ?? "").isEmpty } ?? "LANG"
            fail(strings.needsUTF8(codeset, variable: variable))
        }
        let environment = ProcessInfo.processInfo.environment
        let directories = XDGDirectories(environment: environment)
        let (configuration, configProblems) = userConfiguration
        let loadedTheme: Theme
        let themeProblem: String?
        do {
            (loadedTheme, themeProblem) = try Theme.resolve(
                theme ?? configuration.theme, user: directories.userThemes, bundled: BundledResources.themesDirectory)
        } catch {
            // A theme named only in config.toml that is not there is a mistake to show, not a reason to stop.
            guard theme == nil, let fallback = try? Theme.named("default", in: [BundledResources.themesDirectory]) else {
                fail(String(describing: error))
            }
            let problem = configuration.missingTheme(
                Theme.available(in: [directories.userThemes, BundledResources.themesDirectory]),
                file: Config.shown(Configuration.file(directories)))
            (loadedTheme, themeProblem) = (fallback, strings.configProblem(problem))
        }
        let (choice, archiveProblem) = options.chooseReporting(directories)
        // Fatal problems with the archive's metadata are cheap to find: report them before taking the screen.
        do throws(ArchiveError) {
            _ = try ArchiveReader.prepare(choice.path)
        } catch {
            fail(strings.archiveError(error))
        }
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        // Opened (and checked) before the screen is taken; a store that cannot be written opens
        // read-only, and the status bar says why.
        let store = UserStore(file: directories.userStore)
        var unsaved: [UserChange] = []
        var problem: StoreProblem?
        let outcome = MainActor.assumeIsolated { () -> AppLoop.Outcome in
            let terminal: CursesTerminal
            do throws(TerminalError) {
                terminal = try CursesTerminal(theme: loadedTheme, color: useColor, mouse: configuration.preferences.mouse)
            } catch {
                return .failed(error.message(strings))
            }
            defer { terminal.stop() }
            var state = AppState(size: terminal.size, archiveLabel: choice.label, keyMap: configuration.keyMap, strings: strings)
            state.preferences = configuration.preferences
            // T goes round the themes that load; one that does not is named by `steppe themes`.
            let usable = Theme.usable(user: directories.userThemes, bundled: BundledResources.themesDirectory)
            state.themeNames = usable.contains(loadedTheme.name) ? usable : (usable + [loadedTheme.name]).sorted()
            state.themeName = loadedTheme.name
            state.notice = Read.startupNotice(configProblems + (archiveProblem.map { [$0] } ?? []), themeProblem: themeProblem)
            state.idSeed = UInt64.random(in: 1...UInt64.max)
            let loop = AppLoop(
                state: state, terminal: terminal, clients: .live(
                    cache: HeaderCache.standard(directories),
                    sessions: SessionStore(file: directories.steppeState.appendingPathComponent("session.json")),
                    store: store, isTerminating: { CursesTerminal.isTerminationRequested },
                    replacement: choice.replacement(directories),
                    // Cycling onto a broken theme says why; the bundled stand-in is not drawn.
                    loadTheme: { Theme.loading($0, user: directories.userThemes, bundled: BundledResources.themesDirectory) }))
            // An archive indexed before opens in milliseconds: show it at once rather than the progress screen.
            let outcome = loop.run(startingWith: [.openArchive(path: choice.path), .loadUserData], firstFrameGrace: 150)
            unsaved = loop.state.user.unsaved
            problem = loop.state.user.lastProblem
            return outcome
        }
        if !unsaved.isEmpty { reportUnsaved(unsaved, problem: problem, store: store) }
        // Ended by SIGTERM, SIGHUP or SIGINT: everything is saved; now die of it, as the caller expects.
        CursesTerminal.finishTermination()
        if case .failed(let message) = outcome { fail(message) }
    }

    /// Changes the store refused are not dropped silently: the text of every unsaved note goes to
    /// standard error, where the reader can keep it.
    private func reportUnsaved(_ changes: [UserChange], problem: StoreProblem?, store: UserStore) {
        var text = "steppe: " + VisibleText.escape(strings.unsavedAtExit(changes.count, path: store.file.path, problem: problem ?? store.readOnlyReason)) + "\n"
        for case .saveNote(let note, let article) in changes {
            text += "\n## " + VisibleText.escape(article.title) + "\n"
            if let quote = note.anchor?.quote, !quote.isEmpty { text += "> " + VisibleText.escape(quote) + "\n" }
            text += note.text.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.escape(String($0)) }
                .joined(separator: "\n") + "\n"
        }
        Output.printError(text)
    }
}
