/// The output formats of SPEC 3. Which command supports which is said by each command's reporters.
package enum OutputFormat: String, CaseIterable, Sendable {
    case table, json, jsonl, csv, markdown, html, github, junit, mailmap, yaml
}
