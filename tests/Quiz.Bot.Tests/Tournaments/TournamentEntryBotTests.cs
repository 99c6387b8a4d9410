using System.Text;
using Microsoft.EntityFrameworkCore;
using Quiz.Bot.Replies;
using Quiz.Bot.Texts;
using Quiz.Core.Tournaments;

namespace Quiz.Bot.Tests.Tournaments;

/// <summary><c>/turniere</c>, the deep link and the join button through the real router and use-cases.</summary>
public sealed class TournamentEntryBotTests(BotHost host) : IClassFixture<BotHost>
{
    [Fact]
    public async Task Turniere_lists_a_scheduled_ticket_tournament_with_time_entry_tickets_and_a_join_button()
    {
        var id = await host.TournamentAsync("Ticketturnier", TournamentEntryFee.Ticket);
        var (chat, _) = await host.PlayerAsync("Lena", tickets: 2);

        await host.CommandAsync(chat, "/turniere");

        var sent = Assert.Single(host.SentTo(chat));
        Assert.Contains("Ticketturnier</b>", sent.Text);
        Assert.Contains("beginnt Fr, 27.11. um 12:00 Uhr (bis 14:00 Uhr)", sent.Text);
        Assert.Contains("Teilnahme: 1 Turnier-Ticket · 5 Fragen · 0 dabei", sent.Text);
        Assert.Contains("Deine Turnier-Tickets: 2", sent.Text);
        var data = BotHost.Data(sent);
        Assert.Contains($"turnier:join:{id:N}", data);
        Assert.DoesNotContain($"turnier:play:{id:N}", data);
        Assert.Equal("menu:main", data[^1]);
        Assert.All(data, d => Assert.True(Encoding.UTF8.GetByteCount(d) <= CallbackData.MaxBytes && CallbackData.TryParse(d, out _), d));
    }

    [Fact]
    public async Task Join_without_a_ticket_says_so_offers_the_ticket_package_and_changes_nothing()
    {
        var id = await host.TournamentAsync("Ohne Ticket", TournamentEntryFee.Ticket);
        var (chat, player) = await host.PlayerAsync("Frida");

        Assert.Equal(De.TournamentNoTicketShort, await host.PressAsync(chat, $"turnier:join:{id:N}"));

        var sent = Assert.Single(host.SentTo(chat));
        Assert.StartsWith("🎟 Für dieses Turnier brauchst Du ein Turnier-Ticket.", sent.Text);
        Assert.Equal(["shop:buy:turnier-ticket", "menu:shop", "menu:main"], BotHost.Data(sent));
        Assert.Equal(0, await host.EntriesAsync(player));
        await using var db = host.Database.CreateContext();
        Assert.False(await db.LedgerEntries.AnyAsync(l => l.PlayerId == player));
    }

    [Fact]
    public async Task Join_with_a_ticket_uses_it_once_and_a_second_press_changes_nothing()
    {
        var id = await host.TournamentAsync("Mit Ticket", TournamentEntryFee.Ticket);
        var (chat, player) = await host.PlayerAsync("Emil", tickets: 2);

        Assert.Null(await host.PressAsync(chat, $"turnier:join:{id:N}"));
        Assert.Equal(De.TournamentAlreadyJoined, await host.PressAsync(chat, $"turnier:join:{id:N}"));

        var sent = Assert.Single(host.SentTo(chat));
        Assert.Contains("Du bist beim Turnier „Mit Ticket“ dabei. Dafür haben wir 1 Turnier-Ticket eingelöst.", sent.Text);
        Assert.Contains("Es beginnt Fr, 27.11. um 12:00 Uhr.", sent.Text);
        Assert.DoesNotContain($"turnier:join:{id:N}", BotHost.Data(sent));
        Assert.Equal(1, await host.TicketsAsync(player));
        Assert.Equal(1, await host.EntriesAsync(player));

        await host.CommandAsync(chat, "/turniere");
        Assert.Contains("✅ Du bist angemeldet.", host.SentTo(chat)[^1].Text);
    }

    [Fact]
    public async Task Tampered_or_unknown_tournament_buttons_are_refused_and_change_nothing()
    {
        var id = await host.TournamentAsync("Gegen Fälscher", TournamentEntryFee.Free);
        var (chat, player) = await host.PlayerAsync("Mallory");
        string[] stale =
        [
            "turnier:join:xyz", $"turnier:join:{id:N}:1", $"turnier:steal:{id:N}", $"turnier:join:{id:D}", "turnier:join", "turnier:list:1",
            $"turnier:join:{id:N}"[..^1] + "g", $"turnier:rank:{id:N}"[..^1],
        ];

        foreach (var data in stale) Assert.Equal(De.StaleButton, await host.PressAsync(chat, data));
        foreach (var action in new[] { "join", "play", "rank" })
        {
            Assert.Equal(De.TournamentGone, await host.PressAsync(chat, $"turnier:{action}:{Guid.NewGuid():N}"));
        }

        Assert.Empty(host.SentTo(chat));
        Assert.Equal(0, await host.EntriesAsync(player));
    }

    [Fact]
    public async Task Deep_link_shows_that_tournament_and_a_malformed_or_unknown_id_gets_the_friendly_notice()
    {
        var id = await host.TournamentAsync("Verlinktes Turnier", TournamentEntryFee.Free);
        var (chat, _) = await host.PlayerAsync("Nora");

        await host.CommandAsync(chat, $"/start turnier_{id:N}");
        await host.CommandAsync(chat, "/start turnier_kaputt");
        await host.CommandAsync(chat, $"/start turnier_{Guid.NewGuid():N}");

        var sent = host.SentTo(chat);
        Assert.Equal(3, sent.Count);
        Assert.Contains("Verlinktes Turnier", sent[0].Text);
        Assert.Contains("Teilnahme: kostenlos", sent[0].Text);
        Assert.DoesNotContain("Turnier-Tickets", sent[0].Text);
        Assert.Equal([$"turnier:join:{id:N}", "turnier:list", "menu:main"], BotHost.Data(sent[0]));
        Assert.All(sent.Skip(1), m => Assert.Equal(De.TournamentGone, m.Text));
    }
}
