using System.Text.Json;
using Quiz.Core.Game;
using Quiz.Core.Privacy;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;
using static Quiz.IntegrationTests.Game.Stats.StatsSeed;

namespace Quiz.IntegrationTests.Players;

/// <summary><c>/meinedaten</c> in Core: the player's own data as JSON, bounded.</summary>
public sealed class PlayerDataExportTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero))
{
    private async Task<JsonElement> ExportAsync(long player)
    {
        var stream = new MemoryStream();
        Assert.True(await Core.Get<PlayerDataExport>().WriteAsync(player, stream));
        return JsonDocument.Parse(stream.ToArray()).RootElement;
    }

    [Fact]
    public async Task Export_holds_profile_games_purchases_and_ledger_of_the_player_and_nobody_elses_data()
    {
        var kit = new EconomyKit(Core);
        var now = Time.GetUtcNow();
        var (player, telegram) = await kit.NewPlayerAsync();
        var invoice = await kit.InvoiceAsync(player, "spiele-10");
        var payment = EconomyKit.Payment(telegram, invoice);
        await kit.ConfirmAsync(payment);
        await using var db = Database.CreateContext();
        await EnsureQuestionsAsync(db, now);
        var me = await db.Players.FindAsync(player);
        var other = await PlayerAsync(db, "Fremdname");
        var mine = await GameAsync(db, me!, GameMode.Quick, 700, 7, now, [1000, 2000]);
        await GameAsync(db, other, GameMode.Quick, 900, 9, now, [1000]);

        var export = await ExportAsync(player);
        var text = export.GetRawText();

        Assert.Equal((player, telegram, "Ida"), (export.GetProperty("profile").GetProperty("player_id").GetInt64(),
            export.GetProperty("profile").GetProperty("telegram_user_id").GetInt64(), export.GetProperty("profile").GetProperty("first_name").GetString()));
        var game = Assert.Single(export.GetProperty("games").EnumerateArray());
        Assert.Equal((mine.Id.ToString(), 700, 2), (game.GetProperty("id").GetString(), game.GetProperty("points").GetInt32(), game.GetProperty("answers").GetInt32()));
        var purchase = Assert.Single(export.GetProperty("purchases").EnumerateArray());
        Assert.Equal(payment.TelegramPaymentChargeId, purchase.GetProperty("telegram_payment_charge_id").GetString());
        Assert.NotEmpty(export.GetProperty("ledger").EnumerateArray());
        Assert.Equal(export.GetProperty("ledger_total").GetInt32(), export.GetProperty("ledger").GetArrayLength());
        Assert.DoesNotContain("Fremdname", text);
        Assert.DoesNotContain(other.TelegramUserId.ToString(), text);
    }

    [Fact]
    public async Task A_player_with_thousands_of_games_gets_the_newest_games_up_to_the_limit_and_the_total()
    {
        var now = Time.GetUtcNow();
        await using var db = Database.CreateContext();
        var player = await PlayerAsync(db, "Vielspieler");
        const int games = PlayerDataExport.MaxGames + 250;
        for (var i = 0; i < games; i++)
        {
            db.GameSessions.Add(new GameSession
            {
                Id = Guid.CreateVersion7(), PlayerId = player.Id, Mode = GameMode.Quick, State = SessionState.Finished, QuestionCount = 10,
                Score = i, StartedAt = now.AddMinutes(i - games), LastActivityAt = now, FinishedAt = now,
            });
        }
        await db.SaveChangesAsync();

        var stream = new MemoryStream();
        Assert.True(await Core.Get<PlayerDataExport>().WriteAsync(player.Id, stream));
        var export = JsonDocument.Parse(stream.ToArray()).RootElement;

        Assert.Equal(games, export.GetProperty("games_total").GetInt32());
        var listed = export.GetProperty("games").EnumerateArray().Select(g => g.GetProperty("points").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(250, PlayerDataExport.MaxGames).Reverse(), listed);
        Assert.True(stream.Length < 1_000_000, $"{stream.Length} bytes");
    }
}
