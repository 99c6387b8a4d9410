using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.UnitTests.Tournaments;

public sealed class SeriesTitleTests
{
    [Fact]
    public void The_german_placeholders_are_filled_in_per_occurrence()
    {
        var title = SeriesTitle.Expand("Sonntagsturnier #{nr} am {wochentag}, {datum} um {uhrzeit}", new DateOnly(2026, 12, 13), 7, new TimeOnly(20, 0));

        Assert.Equal("Sonntagsturnier #7 am Sonntag, 13.12.2026 um 20:00", title);
    }

    [Theory]
    [InlineData("Sonntagsturnier {datum}")]
    [InlineData("Wochenturnier Nr. {nr}")]
    [InlineData("Ohne Platzhalter")]
    public void Patterns_with_known_placeholders_are_valid(string pattern) => Assert.Empty(SeriesTitle.Problems(pattern));

    [Fact]
    public void Unknown_placeholders_open_braces_and_titles_that_would_grow_too_long_are_refused_in_german()
    {
        Assert.Equal(["Das Titelmuster fehlt."], SeriesTitle.Problems("   "));
        Assert.Equal(["Unbekannter Platzhalter {date}, {Nr}; möglich sind {datum}, {nr}, {wochentag}, {uhrzeit}."], SeriesTitle.Problems("Turnier {date} {Nr}"));
        Assert.Equal(["Eine geschweifte Klammer ist nicht geschlossen; Platzhalter schreibt man so: {datum}."], SeriesTitle.Problems("Turnier {datum"));
        // 72 characters and {wochentag}: "Donnerstag" makes 82.
        Assert.Equal(
            [$"Mit eingesetzten Platzhaltern (z. B. Donnerstag, 31.12.2099) wird der Titel länger als {Tournament.MaxTitleLength} Zeichen."],
            SeriesTitle.Problems(new string('x', 72) + "{wochentag}"));
        Assert.Empty(SeriesTitle.Problems(new string('x', 70) + "{wochentag}"));
    }

    [Fact]
    public void A_series_obeys_the_rules_of_a_single_tournament_and_plans_1_to_28_days_ahead()
    {
        var valid = new TournamentSeriesDraft("Sonntagsturnier {datum}", [DayOfWeek.Sunday], new TimeOnly(20, 0), 60, TournamentEntryFee.Free, 10, 7);
        Assert.Empty(SeriesRules.Problems(valid));

        Assert.Equal(
        [
            "Unbekannter Platzhalter {x}; möglich sind {datum}, {nr}, {wochentag}, {uhrzeit}.",
            "Mindestens ein Wochentag ist nötig.",
            "Ein Turnier der Serie muss mindestens 5 Minuten dauern.",
            "Ein Turnier hat 3 bis 30 Fragen.",
            RewardTierRules.NoTiers,
            "Turniere werden 1 bis 28 Tage im Voraus angelegt.",
        ], SeriesRules.Problems(valid with { TitlePattern = "{x}", Weekdays = [], DurationMinutes = 4, QuestionCount = 31, HorizonDays = 29, RewardTiers = [] }));
        Assert.Equal(["Ein Turnier dauert höchstens 14 Tage."], SeriesRules.Problems(valid with { DurationMinutes = 14 * 24 * 60 + 1 }));
    }
}
