using System.Reflection;
using NetArchTest.Rules;

namespace Quiz.UnitTests.Architecture;

/// <summary>
/// The dependency graph between Core's modules (the namespaces directly below <c>Quiz.Core</c>).
/// <c>Quiz.Core.Data</c> is the persistence hub that maps every module's entities and is used by
/// all use-cases, so it is left out of the module graph by design (docs/decisions/0002).
/// </summary>
internal sealed class ModuleGraph
{
    public const string Root = "Quiz.Core";
    private const string Hub = "Data";

    // PRODUCT.md §1: Tournaments -> Game -> Questions; Game and Tournaments -> Economy; AntiCheat -> Game.
    // Players and Common are shared leaves; Messaging is the outbox/dedupe leaf; Audit the append-only record of
    // operators' actions (a leaf every use-case may write to); Privacy (a player's export and deletion) reaches
    // across the player's games, purchases and outbox; Operations may read everything; Features (the operators' switches)
    // knows which switch guards which game mode and audits its changes; Announcements (the operators' messages to every
    // player) write to the outbox and the audit and know nothing of games.
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Common"] = [],
        ["Players"] = ["Common"],
        ["Questions"] = ["Common"],
        ["Messaging"] = ["Common"],
        ["Audit"] = ["Common"],
        ["Economy"] = ["Common", "Players", "Messaging", "Audit"],
        ["Game"] = ["Common", "Players", "Questions", "Economy", "Messaging", "Audit"],
        ["Tournaments"] = ["Common", "Players", "Questions", "Game", "Economy", "Messaging", "Audit"],
        ["AntiCheat"] = ["Common", "Players", "Game", "Messaging", "Audit"],
        ["Privacy"] = ["Common", "Players", "Game", "Economy", "Messaging", "Audit"],
        ["Operations"] = ["Common", "Players", "Questions", "Game", "Economy", "Tournaments", "AntiCheat", "Messaging", "Audit"],
        ["Features"] = ["Common", "Game", "Audit"],
        ["Announcements"] = ["Common", "Messaging", "Audit"],
    };

    /// <summary>The allowed directions as they stand, for the page that documents them (docs/architecture.md).</summary>
    internal static IReadOnlyDictionary<string, string[]> AllowedDirections => Allowed;

    public required IReadOnlyList<string> Modules { get; init; }
    public required IReadOnlyList<(string From, string To)> Edges { get; init; }

    public static bool IsAllowed(string from, string to) => Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    public static ModuleGraph Build(Assembly assembly)
    {
        var modules = assembly.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Where(m => m != Hub)
            .Distinct()
            .Order()
            .ToList();

        var edges = new List<(string, string)>();
        foreach (var from in modules)
        {
            foreach (var to in modules.Where(m => m != from))
            {
                var types = Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{from}").GetTypes();
                var depends = Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{from}")
                    .And().HaveDependencyOn($"{Root}.{to}").GetTypes().Any();
                if (types.Any() && depends) edges.Add((from, to));
            }
        }
        return new ModuleGraph { Modules = modules, Edges = edges };
    }

    /// <summary>A cycle as a list of modules, or null when the graph is acyclic.</summary>
    public List<string>? FindCycle()
    {
        var state = Modules.ToDictionary(m => m, _ => 0);
        var path = new List<string>();
        foreach (var m in Modules)
        {
            if (Visit(m, state, path) is { } cycle) return cycle;
        }
        return null;
    }

    private List<string>? Visit(string node, Dictionary<string, int> state, List<string> path)
    {
        if (state[node] == 2) return null;
        if (state[node] == 1) return [.. path.SkipWhile(p => p != node), node];
        state[node] = 1;
        path.Add(node);
        foreach (var (_, to) in Edges.Where(e => e.From == node))
        {
            if (Visit(to, state, path) is { } cycle) return cycle;
        }
        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }
}
