using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Tournaments;

namespace Quiz.EndToEndTests;

/// <summary>
/// An operator edits a planned ticket tournament in "Turniere" and then cancels it; the player who joined with a bought
/// ticket gets the German cancel notice in the chat and holds the ticket again.
/// </summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleTournamentTests(AppModelFixture fixture)
{
    /// <summary>The confirmation's "yes" (its "no" reads "Nicht absagen").</summary>
    private const string AdminConfirm = "Absagen";

    [Fact]
    public async Task An_operator_edits_then_cancels_a_tournament_in_Turniere_and_the_entrant_is_told_and_gets_the_ticket_back()
    {
        var desk = new TournamentDesk(fixture);
        var title = "Probeturnier " + Guid.NewGuid().ToString("N")[..6];
        var renamed = "Umbenannt " + Guid.NewGuid().ToString("N")[..6];
        var id = await desk.OpenAsync(title, "ticket", questions: 3, duration: TimeSpan.FromHours(2), start: false);
        var lena = await ChatPlayer.CreateAsync(fixture, "Lena");
        await lena.BuyAsync("turnier-ticket");
        await lena.SayAsync($"/start turnier_{id:N}");
        var shown = await lena.MessageAsync(title);
        Assert.Null((await lena.PressAsync(shown, $"turnier:join:{id:N}")).Text);
        await lena.MessageAsync("Dafür haben wir 1 Turnier-Ticket eingelöst");

        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/turniere");
        var page = console.Page;

        var row = page.Locator(".turnier-tabelle tbody tr").Filter(new() { Has = page.Locator($"[data-turnier='{id}']") });
        await row.Locator(".aktion-bearbeiten").ClickAsync();
        await page.FillAsync(".turnier-dialog .feld-titel input", renamed);
        await page.ClickAsync(".turnier-dialog .dialog-speichern");
        await Assertions.Expect(row.Locator(".turnier-titel")).ToHaveTextAsync(renamed);

        await row.Locator(".aktion-absagen").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = AdminConfirm, Exact = true }).ClickAsync();
        await Assertions.Expect(row.Locator(".turnier-status")).ToHaveAttributeAsync("data-status", "Cancelled");

        var notice = await lena.MessageAsync("wurde leider abgesagt", TimeSpan.FromSeconds(60));
        Assert.Contains(renamed, notice.Text, StringComparison.Ordinal);
        Assert.Contains("Dein Turnier-Ticket ist wieder in Deinem Vorrat.", notice.Text, StringComparison.Ordinal);

        await using var db = fixture.Database();
        var player = await db.Players.Where(p => p.TelegramUserId == lena.User.UserId).Select(p => p.Id).SingleAsync();
        Assert.Equal(1, await db.Entitlements.Where(e => e.PlayerId == player && e.Kind == AssetKind.TournamentTicket).Select(e => e.Uses).SingleAsync());
        Assert.Equal(TournamentState.Cancelled, await db.Tournaments.Where(t => t.Id == id).Select(t => t.State).SingleAsync());
        var audit = await AuditLog.ForSubjectAsync(db, AuditLog.Tournament(id));
        Assert.Contains(audit, a => (a.Action, a.Actor) == (AuditActions.TournamentEdited, "Lokaler Operator"));
        Assert.Contains(audit, a => (a.Action, a.Actor) == (AuditActions.TournamentCancelled, "Lokaler Operator"));
    }
}
