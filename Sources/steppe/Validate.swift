import ArgumentParser
import Foundation
import SteppeCore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check an archive and list every problem; exits non-zero when there is any.")

    @Argument(help: "The archive: a folder with archive.json, or a single .json file.")
    var path: String

    func run() throws {
        let report: ArchiveValidator.Report
        do {
            report = try ArchiveValidator.validate(path)
        } catch {
            fail(error.description)
        }
        var output = ""
        for issue in report.issues { output += issue.description + "\n" }
        let problems = report.issues.count
        output += "\(report.articleCount) articles readable, \(problems) \(problems == 1 ? "problem" : "problems")\n"
        FileHandle.standardOutput.write(Data(output.utf8))
        if problems > 0 { throw ExitCode(1) }
    }
}
