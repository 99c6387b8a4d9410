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
    public const string NotCancellable = "Nur geplante und laufende Turniere können abgesagt werden.";

    public static List<string> Problems(TournamentDraft draft, DateTimeOffset now)
    {
        var problems = new List<string>();
        if (draft.Title.Length == 0) problems.Add("Der Titel fehlt.");
        else if (draft.Title.Length > Tournament.MaxTitleLength) problems.Add($"Der Titel darf höchstens {Tournament.MaxTitleLength} Zeichen lang sein.");
        var duration = draft.EndsAt - draft.StartsAt;
        if (duration < MinDuration) problems.Add("Das Turnier muss mindestens 5 Minuten dauern (Ende nach Beginn).");
        if (draft.EndsAt <= now) problems.Add(EndPassed);
        problems.AddRange(Shared(duration, draft.QuestionCount, draft.EntryFee, draft.RewardTiers));
        return problems;
    }

    /// <summary>What a single tournament and a series (ADR 0022) check alike: length, questions, entry, reward tiers.</summary>
    internal static IEnumerable<string> Shared(TimeSpan duration, int questionCount, TournamentEntryFee entryFee, IReadOnlyList<RewardTier>? tiers)
    {
        if (questionCount is < Tournament.MinQuestions or > Tournament.MaxQuestions)
        {
            yield return $"Ein Turnier hat {Tournament.MinQuestions} bis {Tournament.MaxQuestions} Fragen.";
        }
        if (duration > MaxDuration) yield return "Ein Turnier dauert höchstens 14 Tage.";
        if (!Enum.IsDefined(entryFee)) yield return "Unbekannte Teilnahmeart.";
        if (tiers is not null)
        {
            foreach (var problem in RewardTierRules.Problems(tiers)) yield return problem;
        }
    }
}
