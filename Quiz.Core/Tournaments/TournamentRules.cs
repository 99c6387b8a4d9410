namespace Quiz.Core.Tournaments;

/// <summary>The rules a new tournament obeys, in German for the operator; the table's check constraints stay the last word.</summary>
public static class TournamentRules
{
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(14);
    public const string EndPassed = "Das Ende liegt in der Vergangenheit.";
    public const string StartPassed = "Der Beginn eines geplanten Turniers muss in der Zukunft liegen.";
    public const string NotEditable = "Nur Entwürfe und geplante Turniere können bearbeitet werden; dieses Turnier läuft schon, ist vorbei oder abgesagt.";
    public const string EntryFixed = "Der Eintritt kann nicht mehr geändert werden, weil sich schon Spieler angemeldet haben.";
    public const string TooLong = "Ein Turnier dauert höchstens 14 Tage.";
    public const string NotCancellable = "Nur geplante und laufende Turniere können abgesagt werden.";

    public static List<string> Problems(TournamentDraft draft, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (draft.Title.Length == 0) problems.Add("Der Titel fehlt.");
        else if (draft.Title.Length > Tournament.MaxTitleLength) problems.Add($"Der Titel darf höchstens {Tournament.MaxTitleLength} Zeichen lang sein.");
        if (QuestionsProblem(draft.QuestionCount) is { } questions) problems.Add(questions);
        var duration = draft.EndsAt - draft.StartsAt;
        if (duration < MinDuration) problems.Add("Das Turnier muss mindestens 5 Minuten dauern (Ende nach Beginn).");
        else if (duration > MaxDuration) problems.Add(TooLong);
        if (draft.EndsAt <= now) problems.Add(EndPassed);
        problems.AddRange(EntryAndTierProblems(draft.EntryFee, draft.RewardTiers));
        return problems;
    }

    /// <summary>The question count of a tournament and of a series (ADR 0022) alike.</summary>
    internal static string? QuestionsProblem(int count) => count is < Tournament.MinQuestions or > Tournament.MaxQuestions
        ? $"Ein Turnier hat {Tournament.MinQuestions} bis {Tournament.MaxQuestions} Fragen."
        : null;

    /// <summary>The entry and reward tiers of a tournament and of a series alike.</summary>
    internal static IEnumerable<string> EntryAndTierProblems(TournamentEntryFee entryFee, IReadOnlyList<RewardTier>? tiers)
    {
        if (!Enum.IsDefined(entryFee)) yield return "Unbekannte Teilnahmeart.";
        if (tiers is null) yield break;
        foreach (var problem in RewardTierRules.Problems(tiers)) yield return problem;
    }
}
