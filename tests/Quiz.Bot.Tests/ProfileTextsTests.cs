using Quiz.Bot.Texts;
using Quiz.Core.Game;
using Quiz.Core.Game.Stats;

namespace Quiz.Bot.Tests;

public sealed class ProfileTextsTests
{
    private static PlayerProfile Profile(
        DailyStreak? streak = null, DailyStanding? today = null, PlayerHoldings? holdings = null, int games = 14, int answers = 1234, int correct = 1025) =>
        new(games, answers, correct,
            [new ModeBest(GameMode.Quick, 9, 1234), new ModeBest(GameMode.Survival, 4, 2500), new ModeBest(GameMode.Daily, 1, 980)],
            new SurvivalRecord(17, 2310), streak ?? new DailyStreak(5, true), today, holdings);

    [Fact]
    public void Profile_shows_games_accuracy_best_scores_streak_and_todays_place_in_German_formats()
    {
        var text = De.Profile("<Anna>", Profile(today: new DailyStanding(3, 1204, 980)));

        Assert.Contains("Profil von &lt;Anna&gt;", text);
        Assert.Contains("Beendete Spiele: 14", text);
        Assert.Contains("Trefferquote: 83\u00A0% (1.025 von 1.234 Antworten richtig)", text);
        Assert.Contains("Schnelles Spiel: 1.234 Punkte · 9 Spiele", text);
        Assert.Contains("Überleben: 17 richtige Antworten in Folge (2.310 Punkte)", text);
        Assert.Contains("Tagesquiz: 980 Punkte · 1 Spiel", text);
        Assert.Contains("Tagesquiz-Serie: 5 Tage in Folge", text);
        Assert.Contains("Heute: Platz 3 von 1.204 (980 Punkte)", text);
        Assert.DoesNotContain("Vorrat", text);
    }

    [Theory]
    [InlineData(0, false, "Tagesquiz-Serie: noch keine – starte sie heute mit /tagesquiz.")]
    [InlineData(1, true, "Tagesquiz-Serie: 1 Tag in Folge")]
    [InlineData(4, false, "Tagesquiz-Serie: 4 Tage – spiel heute das /tagesquiz, damit sie weiterläuft.")]
    public void Streak_line_says_whether_today_still_counts(int days, bool playedToday, string expected) =>
        Assert.Contains(expected, De.Profile("Ben", Profile(new DailyStreak(days, playedToday))));

    [Fact]
    public void A_new_player_is_invited_to_play_and_an_open_Tagesquiz_is_mentioned()
    {
        var text = De.Profile("Neu", new PlayerProfile(0, 0, 0, [], null, new DailyStreak(1, true), null, null));

        Assert.Contains("Du hast noch kein Spiel beendet", text);
        Assert.DoesNotContain("Trefferquote", text);
        Assert.Contains("Heute: Dein Tagesquiz läuft noch.", text);
    }

    [Fact]
    public void Holdings_appear_once_the_economy_fills_them()
    {
        var premium = new DateTimeOffset(2026, 12, 27, 13, 0, 0, TimeSpan.Zero);

        var text = De.Profile("Cem", Profile(holdings: new PlayerHoldings(10, 3, 5, 1, premium)));

        Assert.Contains("Spiele: 10 · Extra-Leben: 3 · Joker 50:50: 5 · Turnier-Tickets: 1", text);
        Assert.Contains("Premium bis 27.12.2026, 14:00 Uhr", text);
    }

    [Fact]
    public void Leaderboard_shows_medals_escaped_names_and_the_players_own_line_below_the_top()
    {
        var top = Enumerable.Range(1, 10).Select(i => new BoardEntry(i, i, i == 2 ? "<b>Max</b>" : $"Spieler {i}", 1600 - i * 100, 10, 42_300 + i, 1)).ToList();
        var me = new BoardEntry(1234, 99, "Ich", 1000, 7, 61_000, 1);
        var day = new DateOnly(2026, 11, 27);

        var text = De.Leaderboard(new Leaderboard(BoardKind.Today, day, day, top, me, 5678), playerId: 99);

        Assert.StartsWith("🏆 <b>Tagesquiz heute</b> · 27.11.2026", text);
        Assert.Contains("🥇 Spieler 1 – 1.500 Punkte · 42,3\u00A0s", text);
        Assert.Contains("🥈 &lt;b&gt;Max&lt;/b&gt; – 1.400 Punkte", text);
        Assert.Contains("🥉 Spieler 3 –", text);
        Assert.Contains("\n4. Spieler 4 –", text);
        Assert.Contains("…\n<b>1.234. Ich – 1.000 Punkte · 61,0\u00A0s</b> ← Du", text);
        Assert.Contains("Dabei: 5.678", text);
    }

    [Fact]
    public void Own_line_inside_the_top_is_marked_there_and_not_repeated()
    {
        var entries = new[] { new BoardEntry(1, 7, "Ich", 5400, 30, 100_000, 5), new BoardEntry(2, 8, "Du", 5300, 29, 90_000, 4) };

        var text = De.Leaderboard(new Leaderboard(BoardKind.Week, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29), entries, entries[0], 2), playerId: 7);

        Assert.StartsWith("🏆 <b>Tagesquiz diese Woche</b> · 23.11.–29.11.2026", text);
        Assert.Contains("<b>🥇 Ich – 5.400 Punkte · 5 Tage</b> ← Du", text);
        Assert.Contains("🥈 Du – 5.300 Punkte · 4 Tage", text);
        Assert.DoesNotContain("…", text);
    }

    [Fact]
    public void Survival_board_ranks_by_correct_answers_and_tells_outsiders_how_to_join()
    {
        var entries = new[] { new BoardEntry(1, 7, "Ausdauer", 2310, 17, 100_000, 1) };

        var text = De.Leaderboard(new Leaderboard(BoardKind.Survival, null, null, entries, null, 1), playerId: 99);

        Assert.Contains("🥇 Ausdauer – 17 richtig · 2.310 Punkte", text);
        Assert.Contains("Du hast noch keinen Überleben-Lauf beendet.", text);
    }

    [Theory]
    [InlineData(BoardKind.Today, "Noch hat niemand das Tagesquiz beendet. Mach den Anfang mit /tagesquiz!")]
    [InlineData(BoardKind.Survival, "Noch hat niemand einen Überleben-Lauf beendet.")]
    public void An_empty_board_invites_to_play(BoardKind kind, string expected)
    {
        var day = new DateOnly(2026, 11, 27);

        Assert.Contains(expected, De.Leaderboard(new Leaderboard(kind, day, day, [], null, 0), playerId: 1));
    }
}
