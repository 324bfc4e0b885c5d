import ArgumentParser
import Foundation
import SteppeCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: strings.aboutValidate)

    @Argument(help: ArgumentHelp(strings.helpValidatePath))
    var path: String?

    @OptionGroup var options: ArchiveOptions

    func run() throws {
        let report: ArchiveValidator.Report
        do {
            report = try ArchiveValidator.validate(path ?? options.choose().path)
        } catch {
            fail(strings.archiveError(error))
        }
        var output = ""
        for issue in report.issues { output += VisibleText.escape(issue.description(strings)) + "\n" }
        output += strings.validateSummary(readable: report.articleCount, problems: report.issues.count) + "\n"
        Output.print(output)
        // 0: clean; 1: entries are skipped (or the archive cannot open); 2: warnings only.
        if report.hasErrors { throw ExitCode(1) }
        if !report.issues.isEmpty { throw ExitCode(2) }
    }
}
