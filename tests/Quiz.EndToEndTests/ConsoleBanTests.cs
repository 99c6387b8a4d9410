using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Quiz.Core.Audit;

namespace Quiz.EndToEndTests;

/// <summary>An operator finds a player in "Spieler", bans them with a reason, and the player's next message gets the ban notice.</summary>
[Collection(AppModelCollection.Name)]
public sealed class ConsoleBanTests(AppModelFixture fixture)
{
    [Fact]
    public async Task An_operator_bans_a_player_found_in_Spieler_and_the_players_next_message_gets_the_ban_notice()
    {
        var name = $"Bruno{Guid.NewGuid():N}"[..13];
        var bruno = await ChatPlayer.CreateAsync(fixture, name);
        await bruno.SayAsync("/start");
        await bruno.MessageAsync("willkommen bei Quiz");

        await using var console = await ConsoleBrowser.SignInAsync(fixture, "/spieler");
        var page = console.Page;
        await page.FillAsync(".spieler-suche input", name);
        var link = page.Locator(".spieler-link");
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await link.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/spieler/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".spieler-titel")).ToHaveTextAsync(name);

        await page.ClickAsync(".aktion-sperren");
        await page.FillAsync(".feld-grund textarea", "Beleidigt Mitspieler");
        await page.ClickAsync(".dialog-bestaetigen");
        await Assertions.Expect(page.Locator(".sperre-grund")).ToHaveTextAsync("Beleidigt Mitspieler");
        await Assertions.Expect(page.Locator(".aktion-entsperren")).ToBeVisibleAsync();

        await bruno.SayAsync("/spielen");
        await bruno.MessageAsync("Dein Konto ist wegen eines Verstoßes gegen die Spielregeln gesperrt");

        await using var db = fixture.Database();
        var player = await db.Players.SingleAsync(p => p.TelegramUserId == bruno.User.UserId);
        Assert.Equal("Beleidigt Mitspieler", player.BanReason);
        var audit = Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(player.Id)), a => a.Action == AuditActions.PlayerBanned);
        Assert.Equal(("Lokaler Operator", "Beleidigt Mitspieler"), (audit.Actor, audit.Details));
    }
}
