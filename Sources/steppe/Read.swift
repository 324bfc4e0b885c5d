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

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open the reader (the default command).")

    @OptionGroup var options: ArchiveOptions

    @Option(help: "The theme to use: a bundled one (default, light) or one in $XDG_CONFIG_HOME/steppe/themes.")
    var theme: String = "default"

    func run() throws {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)).map({ String(cString: $0) }), codeset != "UTF-8" {
            fail("the reader needs a UTF-8 locale, but this one uses \(codeset); try LANG=C.UTF-8")
        }
        let environment = ProcessInfo.processInfo.environment
        let loadedTheme: Theme
        do {
            loadedTheme = try Theme.named(theme, in: Read.themeDirectories(environment))
        } catch {
            fail(String(describing: error))
        }
        let choice = options.choose()
        let prepared: PreparedArchive
        do {
            prepared = try ArchiveReader.prepare(choice.path)
        } catch {
            fail(error.description)
        }
        let useColor = (environment["NO_COLOR"] ?? "").isEmpty
        let outcome = MainActor.assumeIsolated {
            ReaderLoop.run(prepared: prepared, label: choice.label, theme: loadedTheme, color: useColor)
        }
        if case .failure(let message) = outcome { fail(message) }
    }

    /// User themes first, so a user can override a bundled one by name.
    static func themeDirectories(_ environment: [String: String]) -> [URL] {
        let config: URL
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            config = URL(fileURLWithPath: xdg)
        } else {
            config = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".config")
        }
        return [config.appendingPathComponent("steppe/themes"), BundledResources.themesDirectory]
    }
}
