using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// The database session is killed in the middle of ConfirmPurchase (after the purchase row, at the
/// ledger or the outbox write): PostgreSQL rolls the transaction back, and Telegram's redelivery
/// grants exactly once.
/// </summary>
public sealed class CrashRecoveryTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero))
{
    /// <summary>Terminates its own server process right before a command whose SQL contains a marker.</summary>
    private sealed class KillBefore(string marker) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            await KillAsync(command, ct);
            return result;
        }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            await KillAsync(command, ct);
            return result;
        }

        private async Task KillAsync(DbCommand command, CancellationToken ct)
        {
            if (Fired || !command.CommandText.Contains(marker, StringComparison.Ordinal)) return;
            Fired = true;
            var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
            await using var killer = new NpgsqlConnection(TestEnvironment.ForDatabase(Database.Name));
            await killer.OpenAsync(ct);
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({pid})", killer);
            await kill.ExecuteScalarAsync(ct);
        }

        public required PostgresDatabase Database { get; init; }
    }

    [Theory]
    [InlineData("INSERT INTO ledger_entries")]
    [InlineData("INSERT INTO outbox_messages")]
    [InlineData("UPDATE invoices")]
    public async Task A_session_killed_mid_confirmation_leaves_nothing_and_the_redelivery_grants_once(string marker)
    {
        var kit = new EconomyKit(Core);
        var (player, telegram) = await kit.NewPlayerAsync();
        var payment = EconomyKit.Payment(telegram, await kit.InvoiceAsync(player, "spiele-10"));
        var killer = new KillBefore(marker) { Database = Database };
        var options = new DbContextOptionsBuilder<QuizDbContext>();
        options.UseQuizDatabase(Database.ConnectionString + ";Pooling=false");
        options.AddInterceptors(killer);

        await using (var crashing = Database.Core(Time, configure: services => services.AddScoped(_ => new QuizDbContext(options.Options))))
        await using (var scope = crashing.Scope())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => scope.Get<PurchaseConfirmation>().ConfirmAsync(payment));
        }
        Assert.True(killer.Fired);
        await using (var db = Database.CreateContext())
        {
            Assert.False(await db.Purchases.AnyAsync(p => p.TelegramPaymentChargeId == payment.TelegramPaymentChargeId));
            Assert.False(await db.LedgerEntries.AnyAsync(l => l.PlayerId == player));
        }

        Assert.Equal(ConfirmOutcome.Granted, (await kit.ConfirmAsync(payment)).Outcome);
        Assert.Equal(ConfirmOutcome.Duplicate, (await kit.ConfirmAsync(payment)).Outcome);
        Assert.Equal(10, (await kit.HoldingsAsync(player)).Games);
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.LedgerEntries.CountAsync(l => l.PlayerId == player));
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"purchase-notice:{payment.TelegramPaymentChargeId}"));
    }
}
