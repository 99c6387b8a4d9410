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
        if (draft.QuestionCount is < Tournament.MinQuestions or > Tournament.MaxQuestions)
        {
            problems.Add($"Ein Turnier hat {Tournament.MinQuestions} bis {Tournament.MaxQuestions} Fragen.");
        }
        var duration = draft.EndsAt - draft.StartsAt;
        if (duration < MinDuration) problems.Add("Das Turnier muss mindestens 5 Minuten dauern (Ende nach Beginn).");
        else if (duration > MaxDuration) problems.Add("Ein Turnier dauert höchstens 14 Tage.");
        if (draft.EndsAt <= now) problems.Add(EndPassed);
        if (!Enum.IsDefined(draft.EntryFee)) problems.Add("Unbekannte Teilnahmeart.");
        if (draft.RewardTiers is { } tiers) problems.AddRange(RewardTierRules.Problems(tiers));
        return problems;
    }
}
