using Microsoft.EntityFrameworkCore;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Core.Operations;
using Quiz.Core.Operations.Moderation;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Operations;

/// <summary>"Markiert": open flags by score, resolved as a false positive or confirmed with a ban or a hold in the same action.</summary>
public sealed class FlagReviewTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
{
    private FlagReview Review => Core.Get<FlagReview>();

    private async Task<long> PlayerAsync(string name) =>
        (await Core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(Random.Shared.NextInt64(1, 1L << 52), name, null, "de"))).Id;

    private Task<long> FlagAsync(long player, int score, FlagKind kind = FlagKind.FastAnswers) =>
        Core.Get<CheatFlags>().RaiseAsync(player, kind, $"game:{Guid.NewGuid():N}", score, """{"summary": "3 von 10 Antworten vor der Lesezeit"}""");

    private async Task<Player> LoadAsync(long id)
    {
        await using var db = Database.CreateContext();
        return await db.Players.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    [Fact]
    public async Task The_queue_holds_open_flags_highest_score_first_with_the_player_and_the_overview_counts_them()
    {
        var before = await Review.CountOpenAsync();
        var ida = await PlayerAsync("Ida");
        var low = await FlagAsync(ida, 30);
        var high = await FlagAsync(await PlayerAsync("Jo"), 95, FlagKind.Lockstep);
        var dismissed = await FlagAsync(ida, 99);
        Assert.Equal(FlagResolveResult.Done, (await Review.DismissAsync(dismissed, "Schnellleser", "Mara")).Verdict);

        var queue = await Review.OpenAsync();

        var mine = queue.Items.Where(f => f.Id == low || f.Id == high).ToList();
        Assert.Equal([high, low], mine.Select(f => f.Id));
        Assert.Equal(queue.Items.OrderByDescending(f => f.Score).ThenByDescending(f => f.Id).Select(f => f.Id), queue.Items.Select(f => f.Id));
        Assert.DoesNotContain(queue.Items, f => f.Id == dismissed);
        Assert.Equal(("Jo", FlagKind.Lockstep, 95), (mine[0].FirstName, mine[0].Kind, mine[0].Score));
        Assert.Contains("Lesezeit", mine[0].Evidence);
        Assert.Equal(before + 2, await Review.CountOpenAsync());
        Assert.Equal(before + 2, (await Core.Get<OverviewStatistics>().GetAsync()).OpenFlags);
    }

    [Fact]
    public async Task Dismissing_needs_a_note_and_changes_nothing_about_the_player()
    {
        var player = await PlayerAsync("Kai");
        var flag = await FlagAsync(player, 70);

        Assert.Equal(FlagResolveResult.NoteRequired, (await Review.DismissAsync(flag, "  ", "Mara")).Verdict);
        Assert.Equal(new FlagDecision(FlagResolveResult.Done), await Review.DismissAsync(flag, "Kennt die Fragen", "Mara"));

        var kai = await LoadAsync(player);
        Assert.Equal((null, null), (kai.BannedAt, kai.RankingHeldAt));
        await using var db = Database.CreateContext();
        Assert.Equal(FlagStatus.Dismissed, (await db.CheatFlags.SingleAsync(f => f.Id == flag)).Status);
    }

    [Fact]
    public async Task Confirming_with_a_ban_bans_once_and_a_second_operator_finds_it_decided()
    {
        var player = await PlayerAsync("Lea");
        var flag = await FlagAsync(player, 90);

        var first = await Review.ConfirmAsync(flag, "Bot-Muster", FlagConsequence.Ban, "Mara");
        var second = await Review.ConfirmAsync(flag, "Auch gesehen", FlagConsequence.Hold, "Anna");

        Assert.Equal(new FlagDecision(FlagResolveResult.Done, ModerationResult.Done), first);
        Assert.Equal(new FlagDecision(FlagResolveResult.AlreadyResolved), second);
        var lea = await LoadAsync(player);
        Assert.Equal(($"Markierung {flag} bestätigt: Bot-Muster", null), (lea.BanReason, lea.RankingHeldAt));
        Assert.NotNull(lea.BannedAt);
        await using var db = Database.CreateContext();
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Player(player));
        Assert.Equal([AuditActions.FlagRaised, AuditActions.FlagConfirmed, AuditActions.PlayerBanned], audit.Select(a => a.Action));
        Assert.All(audit.Skip(1), a => Assert.Equal("Mara", a.Actor));
    }

    [Fact]
    public async Task Confirming_with_a_hold_holds_the_player_out_of_rankings()
    {
        var player = await PlayerAsync("Max");
        var flag = await FlagAsync(player, 60);

        Assert.Equal(new FlagDecision(FlagResolveResult.NoteRequired), await Review.ConfirmAsync(flag, "", FlagConsequence.Hold, "Mara"));
        Assert.Equal(new FlagDecision(FlagResolveResult.Done, ModerationResult.Done), await Review.ConfirmAsync(flag, "Zu gleichmäßig", FlagConsequence.Hold, "Mara"));

        var max = await LoadAsync(player);
        Assert.Equal((null, Time.GetUtcNow()), (max.BannedAt, max.RankingHeldAt));
    }
}
