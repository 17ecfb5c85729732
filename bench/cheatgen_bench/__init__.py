"""cheatgen's benchmark (bench/run): one module per figure over shared timing and reporting helpers.

common      paths, the run's sizes (Config; --smoke shrinks them), logging, file helpers
processes   timing commands (wall, CPU, peak RSS, RSS timeline), waiting for a quiet machine
binary      the cheatgen binary measured, and `cheatgen check` timed
snippets    the generated concurrency sheet;  floor: compiling it with nothing around it
render_corpus, timeline   figure 5's generated sheets and Hugo twin; reading a build's timeline
report, results           one figure's verdict; the machine and bench/RESULTS.md
figure1 … figure11        one figure each: figureN(R) measures, reports, and records into R
cli         the command line
"""
