using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Economy;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// An operator sets a planned tournament's Gewinnstufen in "Turniere" (Platz 1: an Extra-Leben and 2 Spiele instead of
/// tickets and jokers); the winner is told exactly that prize in the chat and holds it — nothing of the defaults.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleRewardTierTests(AppModelFixture fixture)
{
    [Fact]
    public async Task An_operator_sets_the_tiers_of_a_planned_tournament_and_the_finished_tournament_pays_them()
    {
        var desk = new TournamentDesk(fixture);
        var title = "Stufenturnier " + Guid.NewGuid().ToString("N")[..6];
        var id = await desk.OpenAsync(title, "free", questions: 3, duration: TimeSpan.FromMinutes(30), start: false);

        await using (var console = await ConsoleBrowser.SignInAsync(fixture, "/turniere"))
        {
            var page = console.Page;
            var row = page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{id}']") });
            await row.Locator(".aktion-bearbeiten").ClickAsync();
            var winner = page.Locator(".turnier-dialog .gewinnstufe-1");
            await winner.Locator(".stufe-tickets input").FillAsync("0");
            await winner.Locator(".stufe-joker input").FillAsync("0");
            await winner.Locator(".stufe-leben input").FillAsync("1");
            await winner.Locator(".stufe-spiele input").FillAsync("2");
            await page.ClickAsync(".turnier-dialog .dialog-speichern");
            await Assertions.Expect(page.Locator(".turnier-dialog")).ToHaveCountAsync(0);
        }
        await using (var db = fixture.Database())
        {
            var tiers = await db.Tournaments.Where(t => t.Id == id).Select(t => t.RewardTiers).SingleAsync();
            Assert.Equal(RewardTier.Places(1, 1, new RewardContents(ExtraLives: 1, Games: 2)), tiers![0]);
        }

        var mia = await ChatPlayer.CreateAsync(fixture, "Mia");
        await mia.SayAsync($"/start turnier_{id:N}");
        var shown = await mia.MessageAsync(title);
        Assert.Null((await mia.PressAsync(shown, $"turnier:join:{id:N}")).Text);
        await mia.MessageAsync("dabei");
        await desk.StepAsync(id, "start");
        var started = await mia.MessageAsync("hat begonnen");
        Assert.Null((await mia.PressAsync(started, $"turnier:play:{id:N}")).Text);
        await mia.PlayAsync(3, 3, _ => true);
        await mia.MessageAsync("vorläufig");
        await desk.StepAsync(id, "finish");

        var result = await mia.MessageAsync("Du hast das Turnier", TimeSpan.FromSeconds(60));
        Assert.Contains("🎁 Dein Gewinn (Platz 1): 1 Extra-Leben und 2 Spiele", result.Text, StringComparison.Ordinal);
        await using var check = fixture.Database();
        var player = await check.Players.Where(p => p.TelegramUserId == mia.User.UserId).Select(p => p.Id).SingleAsync();
        var rewards = await check.LedgerEntries.Where(l => l.PlayerId == player && l.Reason == LedgerReason.Reward)
            .Select(l => new { l.Kind, l.Delta }).ToListAsync();
        Assert.Equal([(AssetKind.GameCredit, 2), (AssetKind.ExtraLife, 1)], rewards.Select(r => (r.Kind, r.Delta)).Order());
    }
}
