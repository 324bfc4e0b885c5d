import Foundation

/// Checks a whole archive, bodies included, and lists every problem: what `steppe validate` prints.
public enum ArchiveValidator {
    public struct Report: Sendable {
        public var articleCount: Int
        public var issues: [ArchiveIssue]
        public var isClean: Bool { issues.isEmpty }
        /// Some entry was left out (as opposed to warnings only).
        public var hasErrors: Bool { issues.contains { $0.severity == .skipped } }
    }

    public static func validate(_ path: String) throws(ArchiveError) -> Report {
        let prepared = try ArchiveReader.prepare(path)
        var issues = taxonomyIssues(prepared)
        switch prepared.source.layout {
        case .singleFile:
            // The single-file reader decodes every body already.
            let library = try ArchiveReader.load(prepared)
            issues += library.catalogue.issues
            for (index, header) in library.catalogue.headers.enumerated() {
                guard let article = try? library.bodies.article(header) else { continue }
                for message in warnings(for: article) {
                    issues.append(
                        ArchiveIssue(
                            path: prepared.source.metadataURL.path, place: "article \(index + 1) of the list",
                            articleID: article.id, message: message, severity: .warning))
                }
            }
            return Report(articleCount: library.catalogue.headers.count, issues: issues)
        case .directory(let files):
            // Each file on its own, as the reader admits them; a later file's entry replaces an earlier one.
            var ids: Set<String> = []
            for url in files {
                let lines = try JSONLinesScanner.scan(url, as: Article.self)
                issues += ArchiveReader.admitEntries(lines, path: url.path, taxonomy: prepared.taxonomy) {
                    article, span, _, issues in
                    ids.insert(article.id)
                    for message in warnings(for: article) {
                        issues.append(
                            ArchiveIssue(
                                path: url.path, line: span.line, articleID: article.id, message: message,
                                severity: .warning))
                    }
                }
            }
            return Report(articleCount: ids.count, issues: issues)
        }
    }

    /// What an article that opens fine may still want fixed: the same verdict for both layouts.
    static func warnings(for article: Article) -> [String] {
        var messages: [String] = []
        if article.body.isEmpty { messages.append("body is empty") }
        for (index, block) in article.body.enumerated() {
            guard let type = block.unknownType else { continue }
            let known = Block.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            messages.append("body[\(index)]: unknown block type '\(type)', shown as a paragraph (known: \(known))")
        }
        return messages
    }

    /// Slugs must be unique within a facet, or articles could not say which node they mean.
    static func taxonomyIssues(_ prepared: PreparedArchive) -> [ArchiveIssue] {
        guard let taxonomy = prepared.metadata.taxonomy else { return [] }
        var issues: [ArchiveIssue] = []
        for facet in Facet.allCases {
            var seen: Set<String> = []
            func visit(_ node: TaxonomyNode, _ place: String) {
                if !seen.insert(node.slug).inserted {
                    issues.append(
                        ArchiveIssue(
                            path: prepared.source.metadataURL.path, place: place,
                            message: "slug '\(node.slug)' is used twice in \(facet.rawValue)", severity: .warning))
                }
                for (i, child) in node.children.enumerated() { visit(child, "\(place).children[\(i)]") }
            }
            for (i, node) in taxonomy.nodes(of: facet).enumerated() { visit(node, "taxonomy.\(facet.rawValue)[\(i)]") }
        }
        return issues
    }
}
