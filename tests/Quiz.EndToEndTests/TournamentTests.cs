using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// A tournament through the whole system: the operator's API opens it, a player without a ticket is
/// turned away, a player who bought the Turnier-Ticket in the chat joins with it, is told when it starts,
/// plays the shared questions, and after the end the worker issues the reward and the bot tells them.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class TournamentTests(AppModelFixture fixture)
{
    [Fact]
    public async Task A_bought_ticket_enters_a_tournament_and_the_winner_is_told_the_place_and_gets_the_reward()
    {
        var desk = new TournamentDesk(fixture);
        var title = "Abendturnier " + Guid.NewGuid().ToString("N")[..6];
        var id = await desk.OpenAsync(title, "ticket", questions: 3, duration: TimeSpan.FromMinutes(30), start: false);
        var ole = await ChatPlayer.CreateAsync(fixture, "Ole");
        var kai = await ChatPlayer.CreateAsync(fixture, "Kai");

        await ole.SayAsync($"/start turnier_{id:N}");
        var shown = await ole.MessageAsync(title);
        Assert.Equal("Dafür brauchst Du ein Turnier-Ticket.", (await ole.PressAsync(shown, $"turnier:join:{id:N}")).Text);
        await ole.MessageAsync("Für dieses Turnier brauchst Du ein Turnier-Ticket");

        await kai.BuyAsync("turnier-ticket");
        await kai.SayAsync("/turniere");
        var list = await kai.MessageAsync(title);
        Assert.Null((await kai.PressAsync(list, $"turnier:join:{id:N}")).Text);
        await kai.MessageAsync("Dafür haben wir 1 Turnier-Ticket eingelöst");

        await desk.StepAsync(id, "start");
        var started = await kai.MessageAsync("hat begonnen");
        Assert.Contains($"turnier:play:{id:N}", ChatPlayer.Buttons(started));
        Assert.Null((await kai.PressAsync(started, $"turnier:play:{id:N}")).Text);
        await kai.PlayAsync(3, 3, _ => true);
        await kai.MessageAsync("vorläufig");
        // While it runs, the verdicts keep the answers to themselves; they come with the result.
        var verdict = await kai.MessageAsync("🔒 Die Lösungen gibt es mit dem Turnierergebnis.");
        Assert.DoesNotContain("💡", verdict.Text, StringComparison.Ordinal);

        await desk.StepAsync(id, "finish");
        // The worker's clock issues the rewards (every few seconds) and the bot sends the result.
        var result = await kai.MessageAsync("Du hast das Turnier", TimeSpan.FromSeconds(60));
        Assert.Contains("Platz 1 von 1", result.Text, StringComparison.Ordinal);
        Assert.Contains("2 Turnier-Tickets und 5 Joker 50:50", result.Text, StringComparison.Ordinal);
        Assert.Contains("Die Lösungen", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Text!.Split("💡").Length - 1);

        await using var db = fixture.Database();
        Assert.Equal(TournamentState.Rewarded, await db.Tournaments.Where(t => t.Id == id).Select(t => t.State).SingleAsync());
        var kaiId = await db.Players.Where(p => p.TelegramUserId == kai.User.UserId).Select(p => p.Id).SingleAsync();
        var oleId = await db.Players.Where(p => p.TelegramUserId == ole.User.UserId).Select(p => p.Id).SingleAsync();
        var held = await db.Entitlements.Where(e => e.PlayerId == kaiId).ToDictionaryAsync(e => e.Kind, e => e.Uses);
        // Bought 1, used 1 to enter, won 2 (Platz 1) — and 5 Joker.
        Assert.Equal((2, 5), (held[AssetKind.TournamentTicket], held[AssetKind.Joker]));
        Assert.Equal(1, await db.LedgerEntries.CountAsync(l => l.PlayerId == kaiId && l.IdempotencyKey == TournamentService.EntryKey(id, kaiId)));
        Assert.False(await db.TournamentEntries.AnyAsync(e => e.TournamentId == id && e.PlayerId == oleId));
        Assert.False(await db.LedgerEntries.AnyAsync(l => l.PlayerId == oleId));
    }
}
