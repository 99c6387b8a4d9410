using Quiz.Core.Economy;
using Quiz.Core.Tournaments;

namespace Quiz.UnitTests.Tournaments;

public sealed class TournamentRulesTests
{
    [Theory]
    [InlineData(1, 1, "Platz 1")]
    [InlineData(2, 2, "Platz 2–3")]
    [InlineData(3, 40, "Platz 2–3")]
    [InlineData(4, 40, "Top 10 %")]
    [InlineData(5, 40, null)]
    [InlineData(4, 4, null)]
    [InlineData(10, 100, "Top 10 %")]
    [InlineData(11, 100, null)]
    [InlineData(11, 101, "Top 10 %")]
    [InlineData(0, 10, null)]
    [InlineData(11, 10, null)]
    public void Each_place_gets_the_best_tier_it_reaches_and_nothing_below(int rank, int ranked, string? tier) =>
        Assert.Equal(tier, TournamentRewards.For(rank, ranked)?.Name);

    [Fact]
    public void Rewards_are_entitlements_never_stars_or_premium_money()
    {
        Assert.All(TournamentRewards.All.SelectMany(t => t.Items), item =>
        {
            Assert.Contains(item.Kind, new[] { AssetKind.TournamentTicket, AssetKind.Joker, AssetKind.GameCredit, AssetKind.ExtraLife });
            Assert.InRange(item.Amount, 1, 10);
        });
    }

    [Fact]
    public void A_new_tournament_needs_a_title_a_sensible_window_and_3_to_30_questions()
    {
        var now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        Assert.Empty(TournamentRules.Problems(new TournamentDraft("Adventsturnier", now.AddHours(1), now.AddHours(3), TournamentEntryFee.Ticket, 10), now));
        Assert.Equal(
            ["Der Titel darf höchstens 80 Zeichen lang sein.", "Ein Turnier dauert höchstens 14 Tage."],
            TournamentRules.Problems(new TournamentDraft(new string('x', 81), now, now.AddDays(15), TournamentEntryFee.Free, 30), now));
        Assert.Equal(
            ["Unbekannte Teilnahmeart."],
            TournamentRules.Problems(new TournamentDraft("Tricks", now, now.AddHours(1), (TournamentEntryFee)7, 3), now));
    }
}
