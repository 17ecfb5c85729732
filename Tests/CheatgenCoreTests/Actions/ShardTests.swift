import Testing
@testable import CheatgenModel
@testable import CheatgenCore

/// `--shard K/N`: which snippets one CI job verifies, computed from the snippets and the
/// recorded durations alone.
@Suite("Shard selection")
struct ShardTests {
    /// `count` snippets, one per card, named `sheet/card-0`, `sheet/card-1`, …
    private func snippets(_ count: Int) throws -> [Snippet] {
        var text = header + "\n## Cards\n"
        for i in 0..<count { text += "\n### Card \(i)\n\n```swift\nprint(\(i))\n```\n" }
        let all = try sheet(text).snippets
        try #require(all.map(\.name) == (0..<count).map { "sheet/card-\($0)" })
        return all
    }

    private func split(_ snippets: [Snippet], into count: Int, durations: [String: Double] = [:]) -> [[String]] {
        (1...count).map { Shard(index: $0, count: count).select(snippets, durations: durations).map(\.name) }
    }

    @Test("K/N parses when 1 ≤ K ≤ N", arguments: [("1/1", 1, 1), ("2/4", 2, 4), ("4/4", 4, 4), ("10/12", 10, 12)])
    func validArguments(argument: String, index: Int, count: Int) {
        #expect(Shard(argument: argument) == Shard(index: index, count: count))
    }

    @Test("Anything else is refused", arguments: ["0/3", "4/3", "1/0", "0/0", "-1/2", "2/-3", "a/b", "1/2/3", "", "/2", "1/", "2", " 1/2", "1 / 2", "1.0/2"])
    func invalidArguments(argument: String) {
        #expect(Shard(argument: argument) == nil)
    }

    @Test(arguments: [1, 2, 3, 5, 9, 13])
    func everySnippetIsInExactlyOneShard(count: Int) throws {
        let all = try snippets(9)
        for durations in [[:], Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, Double($0 % 4) + 0.5) })] {
            let shards = split(all, into: count, durations: durations)
            #expect(shards.joined().sorted() == all.map(\.name).sorted(), "\(shards)")
            if count <= all.count { #expect(shards.allSatisfy { !$0.isEmpty }, "no job idles while another has two: \(shards)") }
        }
    }

    @Test func withoutRecordedDurationsTheSplitIsEven() throws {
        let shards = split(try snippets(10), into: 3)
        #expect(shards.map(\.count).sorted() == [3, 3, 4])
    }

    @Test func aSlowSnippetGetsAShardToItself() throws {
        let all = try snippets(8)
        var durations = Dictionary(uniqueKeysWithValues: all.map { ($0.name, 1.0) })
        durations["sheet/card-5"] = 20
        let shards = split(all, into: 3, durations: durations)
        #expect(shards[0] == ["sheet/card-5"])
        #expect(shards[1].count + shards[2].count == 7 && abs(shards[1].count - shards[2].count) == 1, "\(shards)")
    }

    @Test func snippetsWithoutARecordedDurationCountAsATypicalOne() throws {
        // Two recorded at 10 s, the rest new: a new snippet counts as 10 s (the median), not as
        // 0 s, so the new ones are spread out instead of piled onto one job.
        let all = try snippets(6)
        let shards = split(all, into: 2, durations: ["sheet/card-0": 10, "sheet/card-1": 10])
        #expect(shards.map(\.count) == [3, 3])
    }

    @Test func theSplitDoesNotDependOnTheOrderSnippetsAreFoundIn() throws {
        let all = try snippets(11)
        let durations = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, Double($0 % 3)) })
        let forward = split(all, into: 4, durations: durations)
        let backward = split(Array(all.reversed()), into: 4, durations: durations)
        #expect(forward.map { $0.sorted() } == backward.map { $0.sorted() })
        // Each shard lists its snippets in the order it was given them: the sheet's order.
        #expect(forward.allSatisfy { $0 == $0.sorted { Int($0.dropFirst(11))! < Int($1.dropFirst(11))! } }, "\(forward)")
    }

    @Test func theSameInputsGiveTheSameSplitEveryTime() throws {
        let all = try snippets(12)
        let durations = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.name, Double($0 % 5) * 0.3) })
        let first = split(all, into: 5, durations: durations)
        for _ in 0..<20 { #expect(split(all, into: 5, durations: durations) == first) }
    }

    @Test func oneShardIsEverything() throws {
        let all = try snippets(4)
        #expect(Shard(index: 1, count: 1).select(all, durations: ["sheet/card-2": 99]) == all)
    }
}


extension ShardTests {
    @Test func snippetsUnderAHeadingNamedIntroAreEachInOneShard() throws {
        let all = try sheet(header + "\n```swift\nprint(0)\n```\n\n## Intro\n\n```swift\nprint(1)\n```\n").snippets
        for count in 1...3 {
            let shards = (1...count).map { Shard(index: $0, count: count).select(all, durations: [:]) }
            #expect(shards.joined().map(\.location.line).sorted() == [5, 11], "\(count) shards: \(shards.map { $0.map(\.name) })")
        }
    }
}
