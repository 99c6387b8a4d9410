namespace Quiz.Core.Game.Selection;

/// <summary>
/// Picks the next question for a player from a bank under the anti-repeat windows, and the order
/// of its options. Deterministic for a given <see cref="Random"/> (seeded by <see cref="SelectionSeed"/>).
/// Random probing finds an eligible question in O(1) for large banks; a full scan decides when
/// probing fails, and only then are constraints relaxed (K first, then M, then N halving). Within one
/// game (<c>game</c>: its questions so far) no pattern repeats and no two related questions meet;
/// that is given up only when nothing else is left.
/// </summary>
public static class QuestionSelector
{
    private const int Probes = 32;

    public static Pick? Next(IReadOnlyList<Candidate> bank, IReadOnlyList<HistoryEntry> history, SelectionRules rules, Random rng,
        IReadOnlyList<HistoryEntry>? game = null)
    {
        if (bank.Count == 0) return null;
        var relaxed = Relaxation.None;
        var near = new Apart(Recent(history, rules.PatternWindow, h => h.PatternKey), Recent(history, rules.PatternWindow, h => h.QuestionId));
        var same = game is null ? Apart.None
            : new Apart(Recent(game, game.Count, h => h.PatternKey), Recent(game, game.Count, h => h.QuestionId));
        var window = rules.QuestionWindow;
        while (true)
        {
            var recent = Recent(history, window, h => h.QuestionId);
            var index = Find(bank, recent, near, same, rng);
            if (index < 0 && !near.IsEmpty)
            {
                near = Apart.None;
                relaxed |= Relaxation.Pattern;
                continue;
            }
            if (index < 0 && window > 0)
            {
                window /= 2;
                relaxed |= Relaxation.QuestionWindowHalved;
                continue;
            }
            if (index < 0 && !same.IsEmpty)
            {
                same = Apart.None;
                relaxed |= Relaxation.SameGame;
                continue;
            }
            if (index < 0) return null;

            var (order, position, positionRelaxed) = Arrange(bank[index].CorrectOption, history, rules.PositionWindow, rng);
            if (positionRelaxed) relaxed |= Relaxation.Position;
            return new Pick(bank[index].Id, order, position, relaxed, window);
        }
    }

    private static int Find(IReadOnlyList<Candidate> bank, HashSet<string> recent, Apart near, Apart same, Random rng)
    {
        for (var probe = 0; probe < Probes; probe++)
        {
            var i = rng.Next(bank.Count);
            if (Eligible(bank[i], recent, near, same)) return i;
        }
        var eligible = new List<int>();
        for (var i = 0; i < bank.Count; i++)
        {
            if (Eligible(bank[i], recent, near, same)) eligible.Add(i);
        }
        return eligible.Count == 0 ? -1 : eligible[rng.Next(eligible.Count)];
    }

    private static bool Eligible(Candidate c, HashSet<string> recent, Apart near, Apart same) =>
        !recent.Contains(c.Id) && near.Allows(c) && same.Allows(c);

    /// <summary>Patterns and questions a candidate must keep apart from (by pattern key and by its related ids).</summary>
    private sealed record Apart(HashSet<string> Patterns, HashSet<string> Questions)
    {
        public static readonly Apart None = new([], []);

        public bool IsEmpty => Patterns.Count == 0 && Questions.Count == 0;

        public bool Allows(Candidate c) =>
            (c.PatternKey is null || !Patterns.Contains(c.PatternKey)) && (c.Related is null || !c.Related.Overlaps(Questions));
    }

    /// <summary>Correct option on a position not used by the last M questions (relaxed only if M ≥ 4), others shuffled.</summary>
    private static (short[] Order, short Position, bool Relaxed) Arrange(short correctOption, IReadOnlyList<HistoryEntry> history, int positionWindow, Random rng)
    {
        var used = new HashSet<short>();
        for (var i = history.Count - 1; i >= 0 && i >= history.Count - positionWindow; i--) used.Add(history[i].CorrectPosition);
        var allowed = Enumerable.Range(0, 4).Select(p => (short)p).Where(p => !used.Contains(p)).ToArray();
        var relaxed = allowed.Length == 0;
        if (relaxed) allowed = [0, 1, 2, 3];
        var position = allowed[rng.Next(allowed.Length)];

        var others = Enumerable.Range(0, 4).Select(o => (short)o).Where(o => o != correctOption).ToArray();
        rng.Shuffle(others);
        var order = new short[4];
        for (short p = 0, k = 0; p < 4; p++) order[p] = p == position ? correctOption : others[k++];
        return (order, position, relaxed);
    }

    private static HashSet<string> Recent(IReadOnlyList<HistoryEntry> history, int window, Func<HistoryEntry, string?> key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = history.Count - 1; i >= 0 && i >= history.Count - window; i--)
        {
            if (key(history[i]) is { } value) set.Add(value);
        }
        return set;
    }
}
