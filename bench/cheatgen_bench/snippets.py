"""The generated concurrency sheet (60 snippets in a full run): small, realistic Swift 6 programs
with their output. Each template takes a number k and returns (code, output lines, unordered).
Every snippet starts its first printed line with a label literal "c<k>" so figure 3 can edit one."""
import re

from .common import config


def t_async_let(k):
    code = f'''func square(_ n: Int) async -> Int {{
    try? await Task.sleep(for: .milliseconds(1))
    return n * n
}}

async let a = square({k})
async let b = square({k + 1})
print("c{k}: sum of squares", await a + b)
'''
    return code, [f"c{k}: sum of squares {k * k + (k + 1) * (k + 1)}"], False


def t_task_group_sum(k):
    code = f'''let total = await withTaskGroup(of: Int.self) {{ group in
    for n in 1...{k} {{
        group.addTask {{ n * 2 }}
    }}
    var sum = 0
    for await value in group {{ sum += value }}
    return sum
}}
print("c{k}: total", total)
'''
    return code, [f"c{k}: total {k * (k + 1)}"], False


def t_task_group_unordered(k):
    code = f'''await withTaskGroup(of: String.self) {{ group in
    for n in 1...3 {{
        group.addTask {{
            try? await Task.sleep(for: .milliseconds(1))
            return "c{k}: job \\(n * {k})"
        }}
    }}
    for await line in group {{ print(line) }}
}}
'''
    return code, [f"c{k}: job {n * k}" for n in (1, 2, 3)], True


def t_actor_counter(k):
    code = f'''actor Counter {{
    private var value = 0
    func increment() {{ value += 1 }}
    var current: Int {{ value }}
}}

let counter = Counter()
await withTaskGroup(of: Void.self) {{ group in
    for _ in 0..<{k} {{
        group.addTask {{ await counter.increment() }}
    }}
}}
print("c{k}: count", await counter.current)
'''
    return code, [f"c{k}: count {k}"], False


def t_async_stream(k):
    code = f'''let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
let producer = Task {{
    for i in 1...{k % 5 + 3} {{
        continuation.yield(i * {k})
        try? await Task.sleep(for: .milliseconds(1))
    }}
    continuation.finish()
}}
var received: [Int] = []
for await value in stream {{ received.append(value) }}
await producer.value
print("c{k}: received", received)
'''
    values = [i * k for i in range(1, k % 5 + 4)]
    return code, [f"c{k}: received [{', '.join(map(str, values))}]"], False


def t_cancellation(k):
    code = f'''let task = Task {{
    try await Task.sleep(for: .seconds(10))
    return "finished"
}}
task.cancel()
do {{
    print(try await task.value)
}} catch {{
    print("c{k}: cancelled", error is CancellationError)
}}
'''
    return code, [f"c{k}: cancelled true"], False


def t_throwing_group(k):
    code = f'''struct Failure: Error {{ let code: Int }}

do {{
    try await withThrowingTaskGroup(of: Void.self) {{ group in
        group.addTask {{ try await Task.sleep(for: .milliseconds(1)) }}
        group.addTask {{ throw Failure(code: {k}) }}
        try await group.waitForAll()
    }}
}} catch let failure as Failure {{
    print("c{k}: failed with code", failure.code)
}}
'''
    return code, [f"c{k}: failed with code {k}"], False


def t_main_type(k):
    code = f'''@main
struct App {{
    static func main() async throws {{
        let values = await withTaskGroup(of: Int.self, returning: [Int].self) {{ group in
            for n in 1...4 {{ group.addTask {{ n + {k} }} }}
            var all: [Int] = []
            for await value in group {{ all.append(value) }}
            return all
        }}
        try await Task.sleep(for: .milliseconds(1))
        print("c{k}: sorted", values.sorted())
    }}
}}
'''
    return code, [f"c{k}: sorted [{', '.join(str(n + k) for n in range(1, 5))}]"], False


def t_task_local(k):
    code = f'''enum Request {{
    @TaskLocal static var id = 0
}}

func handle() async -> String {{
    try? await Task.sleep(for: .milliseconds(1))
    return "c{k}: handling request \\(Request.id)"
}}

await Request.$id.withValue({k}) {{
    print(await handle())
}}
print("c{k}: outside", Request.id)
'''
    return code, [f"c{k}: handling request {k}", f"c{k}: outside 0"], False


def t_continuation(k):
    code = f'''func legacyFetch(_ completion: @escaping @Sendable (Int) -> Void) {{
    Task {{
        try? await Task.sleep(for: .milliseconds(1))
        completion({k} * 10)
    }}
}}

let value = await withCheckedContinuation {{ continuation in
    legacyFetch {{ continuation.resume(returning: $0) }}
}}
print("c{k}: bridged", value)
'''
    return code, [f"c{k}: bridged {k * 10}"], False


def t_sendable_struct(k):
    code = f'''struct Order: Sendable {{
    let id: Int
    let items: [String]
}}

func ship(_ order: Order) async -> String {{
    try? await Task.sleep(for: .milliseconds(1))
    return "order \\(order.id): \\(order.items.joined(separator: ", "))"
}}

let order = Order(id: {k}, items: ["tea", "cups"])
let shipped = Task.detached {{ await ship(order) }}
print("c{k}:", await shipped.value)
'''
    return code, [f"c{k}: order {k}: tea, cups"], False


def t_main_actor(k):
    code = f'''@MainActor
final class Log {{
    private(set) var lines: [String] = []
    func add(_ line: String) {{ lines.append(line) }}
}}

let log = Log()
for step in 1...3 {{
    try? await Task.sleep(for: .milliseconds(1))
    log.add("step \\(step * {k})")
}}
print("c{k}:", log.lines.joined(separator: " | "))
'''
    return code, [f"c{k}: step {k} | step {2 * k} | step {3 * k}"], False


TEMPLATES = [t_async_let, t_task_group_sum, t_actor_counter, t_async_stream, t_cancellation, t_throwing_group,
             t_main_type, t_task_local, t_continuation, t_sendable_struct, t_main_actor, t_task_group_unordered]


class Snippet:
    def __init__(self, k, card, code, output, unordered):
        self.k, self.card, self.code, self.output, self.unordered = k, card, code, output, unordered
        self.first_code_line = 0   # set by render_sheet: the .md line of the first code line

    @property
    def symbol(self):
        # cheatgen's own naming: "<sheet>__<card anchor>", non-alphanumerics → "_".
        return re.sub(r"[^A-Za-z0-9]", "_", f"bench60__card-{self.card}")

    @property
    def is_library(self):
        return "@main" in self.code


def make_snippets(count=None):
    count = config.snippets if count is None else count
    snippets = []
    for index in range(count):
        template = TEMPLATES[index % len(TEMPLATES)]
        k = index + 2
        code, output, unordered = template(k)
        snippets.append(Snippet(k, index + 1, code, output, unordered))
    return snippets


def render_sheet(snippets, title="Concurrency benchmark"):
    lines = ["---", f"title: {title}", "summary: Sixty small concurrency programs.", "tags: [bench]", "---", "",
             "Generated by bench/run.", ""]
    for index, snippet in enumerate(snippets):
        if index % 10 == 0:
            lines += [f"## Group {index // 10 + 1}", ""]
        lines += [f"### Card {snippet.card}", "", f"Example {snippet.card}: a small concurrent program.", ""]
        lines.append("```swift unordered" if snippet.unordered else "```swift")
        snippet.first_code_line = len(lines) + 1
        lines += snippet.code.rstrip("\n").split("\n")
        lines += ["```", "", "```output"] + snippet.output + ["```", ""]
    return "\n".join(lines)


def effective_source(snippet, md_name):
    return f'#sourceLocation(file: "{md_name}", line: {snippet.first_code_line})\n{snippet.code}#sourceLocation()\n'


def output_matches(snippet, actual):
    got = [line.rstrip() for line in actual.rstrip("\n").split("\n")] if actual.strip() else []
    want = [line.rstrip() for line in snippet.output]
    return sorted(got) == sorted(want) if snippet.unordered else got == want
