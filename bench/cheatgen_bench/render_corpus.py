"""Figure 5's generated corpus of card sheets (also figure 9's), its Hugo twin, and one build of each."""
import os
import shutil

from .common import config, fresh_dir, write
from .processes import timed


WORDS = ["actor", "task", "group", "stream", "buffer", "channel", "deadline", "retry", "cache", "batch",
         "queue", "timer", "socket", "parser", "signal", "worker", "ledger", "index", "router", "pool"]


def render_card_sheet(n):
    w = lambda i: WORDS[(n * 7 + i * 3) % len(WORDS)]
    lines = ["---", f"title: Sheet {n} — {w(0).title()} patterns", f"summary: Twenty cards about {w(1)}s and {w(2)}s.",
             f"tags: [bench, {w(3)}]", "---", "", f"Intro of sheet {n}: short notes on **{w(4)}** handling.", ""]
    for card in range(20):
        if card % 5 == 0:
            lines += [f"## Part {card // 5 + 1}: {w(card)}", ""]
        name, other = w(card + 1), w(card + 2)
        lines += [f"### {name.title()} {card + 1} with {other}", "",
                  f"Use a `{name.title()}` to coordinate the {other}; see the next card for *limits*.", "",
                  "```swift ignore",
                  f"struct {name.title()}{card}: Sendable {{",
                  f"    let id: Int = {n * 100 + card}",
                  f"    func describe(_ {other}: String) -> String {{ \"{name} \\(id) uses \\({other})\" }}",
                  "}",
                  f"let value = {name.title()}{card}()",
                  f"print(value.describe(\"{other}\"), [1, 2, 3].map {{ $0 * {card + 1} }})",
                  "```", "",
                  "```output",
                  f"{name} {n * 100 + card} uses {other} [{card + 1}, {2 * (card + 1)}, {3 * (card + 1)}]",
                  "```", ""]
    return "\n".join(lines)


HUGO_LAYOUTS = {
    "_default/baseof.html": '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
                            '<body>{{ block "main" . }}{{ end }}</body></html>\n',
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ .Content }}</article>{{ end }}\n',
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
                          '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>{{ end }}</ul>{{ end }}\n',
}


def make_render_corpus(count):
    base = os.path.join(config.work, f"render{count}")
    content = os.path.join(base, "content")
    marker = os.path.join(base, "generated")
    if not os.path.exists(marker):
        fresh_dir(base)
        os.makedirs(content)
        for n in range(count):
            with open(os.path.join(content, f"sheet-{n:05d}.md"), "w") as handle:
                handle.write(render_card_sheet(n))
        hugo = os.path.join(base, "hugo")
        write(os.path.join(hugo, "hugo.toml"),
              f'baseURL = "https://example.org/"\ntitle = "Bench"\ncontentDir = "{content}"\n')
        for name, text in HUGO_LAYOUTS.items():
            write(os.path.join(hugo, "layouts", name), text)
        write(marker, "")
    return base


def run_cheatgen_build(base, timeline=None, env=None, warm=False):
    """A build into base/out: cold (nothing in .cheatgen/ from an earlier build), or warm (what the
    previous build left there kept: verdicts and Pygments' colouring of unchanged blocks)."""
    out = os.path.join(base, "out")
    shutil.rmtree(out, ignore_errors=True)
    if not warm:
        shutil.rmtree(os.path.join(base, ".cheatgen"), ignore_errors=True)
    seconds, code, stdout, stderr, rss = timed([config.cheatgen, "build", "content", "--output", "out"], cwd=base, check=False,
                                               timeline=timeline, env=env)
    if code != 0:
        raise SystemExit(f"cheatgen build failed in {base}:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    return seconds, rss, stdout + stderr


def run_hugo(base):
    hugo = os.path.join(base, "hugo")
    for folder in ("out", "resources", "public"):
        shutil.rmtree(os.path.join(hugo, folder), ignore_errors=True)
    seconds, _, _, _, rss = timed(["hugo", "--quiet", "--destination", "out"], cwd=hugo)
    return seconds, rss


def count_pages(folder):
    return sum(1 for top, _, files in os.walk(folder) for name in files if name.endswith(".html"))


