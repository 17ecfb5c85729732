import CheatgenModel
import CheatgenSite

/// The GitHub Actions workflow `cheatgen init` writes to `.github/workflows/cheatgen.yml`.
///
/// It scales verification out over an engine people already run: a matrix of `shards` jobs
/// each verifies its share (`--shard K/N`, balanced by recorded durations) and uploads the
/// verdicts it earned; the site job copies every shard's verdicts into one folder — verdicts
/// are content-addressed files, so merging is copying — and `cheatgen build` then finds every
/// snippet already verified and compiles nothing. Pull requests are checked with
/// `pull_request` (their own code, no secrets); only a push to the default branch deploys.
/// One job gets cheatgen (a released tarball, or a build from source cached per commit) and
/// the others download it; the jobs that run snippets keep their containment and log it.
package struct CIWorkflow: Sendable {
    package var shards: Int
    /// The Swift release of the `swift:<version>-noble` container the jobs run in.
    package var swiftVersion: String
    /// Where the jobs get cheatgen's source, and which branch, tag or commit they build.
    package var cheatgenGit: String
    package var cheatgenRef: String
    /// A released version whose tarball the workflow downloads instead of building; "" builds.
    package var cheatgenVersion: String
    /// The repository commits `site/`: the site job also checks it is up to date.
    package var siteCommitted: Bool

    package init(shards: Int, swiftVersion: String, cheatgenGit: String, cheatgenRef: String, cheatgenVersion: String = "", siteCommitted: Bool) {
        self.cheatgenVersion = cheatgenVersion
        self.shards = shards
        self.swiftVersion = swiftVersion
        self.cheatgenGit = cheatgenGit
        self.cheatgenRef = cheatgenRef
        self.siteCommitted = siteCommitted
    }

    /// The one job that gets cheatgen: downloads the released tarball when `CHEATGEN_VERSION`
    /// names one, else builds it from source (cached per cheatgen commit and Swift release), and
    /// hands it to the other jobs as an artifact, so no other job spends minutes on it.
    private var toolJob: String {
        """
          cheatgen:
            name: cheatgen (built or downloaded once, for every job)
            runs-on: ubuntu-24.04
            container: swift:\(swiftVersion)-noble
            steps:
              - name: Install what building cheatgen needs
                run: |
                  apt-get update -qq
                  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev pkg-config make git curl python3 python3-pygments nodejs >/dev/null
              - name: Find which cheatgen
                id: cheatgen
                run: |
                  if [ -n "$CHEATGEN_VERSION" ]; then
                    echo "key=release-$CHEATGEN_VERSION" >> "$GITHUB_OUTPUT"
                  else
                    commit="$(git ls-remote "$CHEATGEN_GIT" "$CHEATGEN_REF" | head -n 1 | cut -f 1)"
                    echo "commit=${commit:-$CHEATGEN_REF}" >> "$GITHUB_OUTPUT"
                    echo "key=source-${commit:-$CHEATGEN_REF}" >> "$GITHUB_OUTPUT"
                  fi
              - name: Restore cheatgen
                id: tool
                uses: actions/cache@v5
                with:
                  path: ~/.cheatgen-tool
                  key: cheatgen-tool-${{ steps.cheatgen.outputs.key }}-swift-\(swiftVersion)
              - name: Download the released cheatgen
                if: steps.tool.outputs.cache-hit != 'true' && env.CHEATGEN_VERSION != ''
                run: |
                  name="cheatgen-$CHEATGEN_VERSION-linux-$(uname -m)"
                  url="${CHEATGEN_GIT%.git}/releases/download/v$CHEATGEN_VERSION"
                  curl -fsSL -O "$url/$name.tar.gz" -O "$url/$name.tar.gz.sha256"
                  sha256sum --check "$name.tar.gz.sha256"
                  mkdir -p "$HOME/.cheatgen-tool"
                  tar -xzf "$name.tar.gz" -C "$HOME/.cheatgen-tool" --strip-components 1
              - name: Build cheatgen from source (only this job builds it)
                if: steps.tool.outputs.cache-hit != 'true' && env.CHEATGEN_VERSION == ''
                env:
                  COMMIT: ${{ steps.cheatgen.outputs.commit }}
                run: |
                  git clone --quiet "$CHEATGEN_GIT" /tmp/cheatgen
                  git -C /tmp/cheatgen checkout --quiet "$COMMIT"
                  make -C /tmp/cheatgen install PREFIX="$HOME/.cheatgen-tool"
              - name: Pack cheatgen for the other jobs
                run: tar -czf cheatgen-tool.tar.gz -C "$HOME/.cheatgen-tool" .
              - uses: actions/upload-artifact@v6
                with:
                  name: cheatgen-tool
                  path: cheatgen-tool.tar.gz
                  retention-days: 1
        """
    }

    /// Where the jobs that run snippets run: the Swift container, started with what Linux
    /// namespaces, control groups and read-only mounts need (Docker's defaults forbid them).
    private var snippetContainer: String {
        """
            container:
              image: swift:\(swiftVersion)-noble
              # cheatgen contains the snippets it runs with Linux namespaces, control groups and
              # read-only mounts, which Docker's defaults forbid; --privileged allows them (the
              # runner is a throwaway VM whose user can be root anyway). The doctor step below
              # prints what containment is in force.
              options: --privileged
        """
    }

    /// The steps the verify and site jobs start with: the repository, what cheatgen runs, the
    /// cheatgen the `cheatgen` job made, and what containment this machine gives.
    private var setup: String {
        """
              - uses: actions/checkout@v5
              - name: Install libcmark, Pygments and Node.js
                run: |
                  apt-get update -qq
                  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-dev python3 python3-pygments nodejs >/dev/null
              - name: Get the cheatgen this run made
                uses: actions/download-artifact@v7
                with:
                  name: cheatgen-tool
                  path: ${{ runner.temp }}/cheatgen-tool
              - name: Put cheatgen on PATH
                run: |
                  mkdir -p "$HOME/.cheatgen-tool"
                  tar -xzf "$RUNNER_TEMP/cheatgen-tool/cheatgen-tool.tar.gz" -C "$HOME/.cheatgen-tool"
                  echo "$HOME/.cheatgen-tool/bin" >> "$GITHUB_PATH"
              - name: Tools and containment on this machine
                run: cheatgen doctor
        """
    }

    private var cachePaths: String {
        """
                  path: |
                    .cheatgen/verdicts
                    .cheatgen/durations.json
        """
    }

    /// The workflow's text.
    package var text: String {
        let list = (1...max(shards, 1)).map(String.init).joined(separator: ", ")
        let n = max(shards, 1)
        let committedCheck = siteCommitted ? """

              - name: Check that the committed site/ is up to date
                run: |
                  git config --global --add safe.directory "$GITHUB_WORKSPACE"
                  if [ -n "$(git status --porcelain -- site)" ]; then
                    echo "::error::site/ is stale: run 'cheatgen build' and commit site/"
                    git status --short -- site
                    exit 1
                  fi
        """ : ""
        return """
        # Verifies every snippet in content/ on \(n) machines at once, then builds the site from their
        # verdicts and publishes it with GitHub Pages. Written by `cheatgen init`.
        #
        # Each shard verifies its share (balanced by how long each snippet took last time) and
        # uploads the verdicts it earned. The site job copies them all into one .cheatgen/verdicts:
        # a verdict is a file named by a hash of everything that decides it, so merging is copying,
        # and `cheatgen build` then compiles and runs nothing. The merged verdicts are cached for
        # the next run, so only snippets that changed are verified again. cheatgen itself is
        # built (or downloaded) by one job, the first, and handed to the others.
        #
        # Pages: set Settings → Pages → Source to "GitHub Actions".
        name: cheatgen

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        concurrency:
          group: cheatgen-${{ github.ref }}
          cancel-in-progress: true

        env:
          # Where cheatgen comes from. Change this line when cheatgen's repository is elsewhere:
          CHEATGEN_GIT: \(cheatgenGit)\(cheatgenGit == InitAction.defaultCheatgenGit ? "  # PLACEHOLDER: cheatgen has no public home yet" : "")
          # A released version (e.g. 1.2.0): its tarball is downloaded from CHEATGEN_GIT's
          # releases, in seconds. Empty: built from source at CHEATGEN_REF (a branch, tag or
          # commit), once per commit, then cached.
          CHEATGEN_VERSION: "\(cheatgenVersion)"
          CHEATGEN_REF: \(cheatgenRef)

        jobs:
        \(toolJob)

          verify:
            name: verify (shard ${{ matrix.shard }}/\(n))
            needs: cheatgen
            runs-on: ubuntu-24.04
        \(snippetContainer)
            strategy:
              fail-fast: false
              matrix:
                shard: [\(list)]
            steps:
        \(setup)
              - name: Restore the verdict cache
                uses: actions/cache/restore@v5
                with:
        \(cachePaths)
                  key: cheatgen-verdicts-${{ github.run_id }}
                  restore-keys: cheatgen-verdicts-
              - name: Verify shard ${{ matrix.shard }} of \(n)
                run: cheatgen check --shard "${{ matrix.shard }}/\(n)" --report github --report "junit=junit-${{ matrix.shard }}.xml"
              - name: Upload this shard's verdicts
                uses: actions/upload-artifact@v6
                with:
                  name: verdicts-${{ matrix.shard }}
                  path: .cheatgen/verdicts
                  include-hidden-files: true
                  if-no-files-found: ignore
                  retention-days: 1
              - name: Upload the JUnit report
                if: ${{ !cancelled() }}
                uses: actions/upload-artifact@v6
                with:
                  name: junit-${{ matrix.shard }}
                  path: junit-${{ matrix.shard }}.xml
                  if-no-files-found: ignore

          site:
            needs: [cheatgen, verify]
            runs-on: ubuntu-24.04
        \(snippetContainer)
            steps:
        \(setup)
              - name: Merge every shard's verdicts
                uses: actions/download-artifact@v7
                with:
                  pattern: verdicts-*
                  merge-multiple: true
                  path: .cheatgen/verdicts
              - name: Build the site (every snippet is already verified)
                run: cheatgen build\(committedCheck)
              - name: Cache the verdicts for the next run
                uses: actions/cache/save@v5
                with:
        \(cachePaths)
                  key: cheatgen-verdicts-${{ github.run_id }}-${{ github.run_attempt }}
              - uses: actions/upload-pages-artifact@v4
                with:
                  path: site

          deploy:
            if: github.event_name == 'push' && github.ref == 'refs/heads/main'
            needs: site
            runs-on: ubuntu-24.04
            permissions:
              pages: write
              id-token: write
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v5

        """
    }
}
