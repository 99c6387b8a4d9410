namespace Quiz.Core.Game.Selection;

/// <summary>
/// Makes "related" symmetric: content lists a relation on one side (kul-0015 names kul-0001), the
/// selection engine must keep both apart whichever of the two comes first.
/// </summary>
public static class RelatedQuestions
{
    /// <summary>Every id's related ids, both directions; ids without relations are absent.</summary>
    public static Dictionary<string, HashSet<string>> Symmetric(IEnumerable<(string Id, IReadOnlyCollection<string> Related)> questions)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (id, related) in questions)
        {
            foreach (var other in related)
            {
                if (other == id) continue;
                Set(map, id).Add(other);
                Set(map, other).Add(id);
            }
        }
        return map;
    }

    /// <summary>Candidates with their symmetric relations attached.</summary>
    public static List<Candidate> Link(IReadOnlyList<(Candidate Candidate, IReadOnlyCollection<string> Related)> rows)
    {
        var map = Symmetric(rows.Select(r => (r.Candidate.Id, r.Related)));
        return [.. rows.Select(r => map.TryGetValue(r.Candidate.Id, out var set) ? r.Candidate with { Related = set } : r.Candidate)];
    }

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> map, string id)
    {
        if (!map.TryGetValue(id, out var set)) map[id] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }
}
