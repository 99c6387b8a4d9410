using Quiz.Bot.Texts;
using Quiz.Core.Messaging;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Tests.Tournaments;

public sealed class TournamentTextsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 17, 0, 0, TimeSpan.Zero);

    private static TournamentSummary Summary(TournamentState state) =>
        new(Guid.NewGuid(), "Abend <Cup>", state, TournamentEntryFee.Ticket, 10, Start, Start.AddHours(2), 14, true, true);

    private static StandingLine Line(int rank, string? reward = null) => new(rank, rank, $"Spieler {rank}", 1000 - rank, 5, 1000, true, reward);

    [Fact]
    public void Standings_show_the_top_ten_and_the_players_own_line_below_while_live()
    {
        var standings = new TournamentStandings(Summary(TournamentState.Active), [.. Enumerable.Range(1, 10).Select(r => Line(r))], Line(14), 20, Final: false);

        var text = De.TournamentStandings(standings, playerId: 14);

        Assert.Contains("Rangliste · Abend &lt;Cup&gt;", text);
        Assert.Contains("🟢 live – gewertet wird bis Fr, 27.11., 20:00 Uhr", text);
        Assert.Contains("🥇 Spieler 1 – 999 Punkte\n", text);
        Assert.Contains("10. Spieler 10 – 990 Punkte\n…\n<b>14. Spieler 14 – 986 Punkte</b> ← Du", text);
        Assert.Contains("Gewertet: 20", text);
    }

    [Fact]
    public void Final_standings_name_the_rewards_and_the_result_notice_spells_them_out()
    {
        var standings = new TournamentStandings(Summary(TournamentState.Rewarded), [Line(1, "Platz 1"), Line(2, "Platz 2–3")], Line(2, "Platz 2–3"), 2, Final: true);

        Assert.Contains("🏁 Endstand", De.TournamentStandings(standings, 2));
        Assert.Contains("🥇 Spieler 1 – 999 Punkte · 🎁 Platz 1", De.TournamentStandings(standings, 2));
        Assert.Contains("🎁 Dein Gewinn (Platz 2–3): 1 Turnier-Ticket und 3 Joker 50:50", De.TournamentResultNotice("Abend <Cup>", new NoticePlace(2, 2, 998, 5, "Platz 2–3")));
        Assert.Equal("2 Turnier-Tickets und 5 Joker 50:50", De.RewardItems(TournamentRewards.Winner.Name));
        Assert.Equal("2 Joker 50:50", De.RewardItems(TournamentRewards.TopTenPercent.Name));
    }

    [Fact]
    public void The_result_notice_spells_out_the_tournaments_own_tier_not_the_default_of_the_same_name()
    {
        IReadOnlyList<RewardTier> own = [RewardTier.Places(1, 1, new RewardContents(ExtraLives: 1, Games: 4)), RewardTier.Top(50, new RewardContents(Jokers: 1))];

        Assert.Contains("🎁 Dein Gewinn (Platz 1): 1 Extra-Leben und 4 Spiele – schon", De.TournamentResultNotice("Eigen", new NoticePlace(3, 1, 900, 5, "Platz 1"), own));
        Assert.Equal("1 Joker 50:50", De.RewardItems("Top 50 %", own));
    }

    [Fact]
    public void When_lines_use_berlin_time_with_the_weekday()
    {
        Assert.Equal("🗓 beginnt Fr, 27.11. um 18:00 Uhr (bis 20:00 Uhr)", De.TournamentWhen(Summary(TournamentState.Scheduled)));
        Assert.Equal("🟢 läuft bis Fr, 27.11., 20:00 Uhr", De.TournamentWhen(Summary(TournamentState.Active)));
        Assert.Equal("1 Turnier-Ticket", De.EntryFee(TournamentEntryFee.Ticket));
        Assert.Equal("kostenlos", De.EntryFee(TournamentEntryFee.Free));
    }
}
