/// The program a language runs its snippets with, as the language states it: which program,
/// the variable that points cheatgen at another copy, and how to get it. The language's
/// verifier finds it with `locate()`, says why it is missing with `missingReason`, and
/// `cheatgen doctor` names it — so a new language brings its own line to both.
package struct ToolRequirement: Sendable {
    /// The program looked up on PATH, e.g. `python3`.
    package var program: String
    /// The environment variable that names the program to use instead, e.g. `CHEATGEN_PYTHON`.
    package var override: String
    /// How to get it, as part of a sentence: `install Python 3`.
    package var install: String
    /// What doctor suggests to get it: `apt-get install python3`.
    package var suggestion: String

    package init(program: String, override: String, install: String, suggestion: String) {
        self.program = program
        self.override = override
        self.install = install
        self.suggestion = suggestion
    }

    /// The first executable among `$override` (when set) or the program on PATH.
    package func locate() -> String? {
        ToolVersion.locate(program, override: override)
    }

    /// Why `locate()` found nothing, in words for a diagnostic.
    package var missingReason: String {
        ToolVersion.missing(program, override: override, install: install)
    }
}
