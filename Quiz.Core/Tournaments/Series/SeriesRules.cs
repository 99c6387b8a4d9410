namespace Quiz.Core.Tournaments.Series;

/// <summary>The rules a series obeys, in German for the operator: the title pattern, and those of a single tournament.</summary>
public static class SeriesRules
{
    public const int MinHorizonDays = 1;
    public const int MaxHorizonDays = 28;
    public const string NotFound = "Diese Serie gibt es nicht.";

    public static List<string> Problems(TournamentSeriesDraft draft)
    {
        var problems = SeriesTitle.Problems(draft.TitlePattern);
        if (draft.Weekdays.Count == 0) problems.Add("Mindestens ein Wochentag ist nötig.");
        if (draft.Weekdays.Any(d => !Enum.IsDefined(d))) problems.Add("Unbekannter Wochentag.");
        var duration = TimeSpan.FromMinutes(draft.DurationMinutes);
        if (duration < TournamentRules.MinDuration) problems.Add("Ein Turnier der Serie muss mindestens 5 Minuten dauern.");
        else if (duration > TournamentRules.MaxDuration) problems.Add(TournamentRules.TooLong);
        if (TournamentRules.QuestionsProblem(draft.QuestionCount) is { } questions) problems.Add(questions);
        problems.AddRange(TournamentRules.EntryAndTierProblems(draft.EntryFee, draft.RewardTiers));
        if (draft.HorizonDays is < MinHorizonDays or > MaxHorizonDays)
        {
            problems.Add($"Turniere werden {MinHorizonDays} bis {MaxHorizonDays} Tage im Voraus angelegt.");
        }
        return problems;
    }
}
