using Microsoft.EntityFrameworkCore;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>
/// Purchases, refunds, a Telegram list of their own (<see cref="StarList"/>, starting at the cursor)
/// and runs driven step by step for the reconciliation tests, on the class's database at
/// Sat 28.11.2026 10:00 UTC.
/// </summary>
public abstract class ReconciliationTestBase(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    protected EconomyKit Kit => new(Core);

    protected sealed record Bought(Guid Purchase, string Charge, int Amount, long Telegram, DateTimeOffset At)
    {
        public StarTransactionRecord Paid(int? amount = null) => new(Charge, amount ?? Amount, At, false, Telegram, null);
        public StarTransactionRecord Refunded(DateTimeOffset at) => new(Charge, Amount, at, true, Telegram, null);
    }

    protected async Task<Bought> BuyAsync(string package = "spiele-10")
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var invoice = await Kit.InvoiceAsync(player, package);
        var payment = EconomyKit.Payment(telegram, invoice);
        var confirmed = await Kit.ConfirmAsync(payment);
        Assert.Equal(ConfirmOutcome.Granted, confirmed.Outcome);
        return new Bought(confirmed.PurchaseId!.Value, payment.TelegramPaymentChargeId, invoice.PriceStars, telegram, Time.GetUtcNow());
    }

    protected async Task RefundAsync(Bought bought)
    {
        Assert.Equal(RefundOutcome.Requested, await Kit.RequestRefundAsync(bought.Purchase));
        Assert.Equal(RefundOutcome.Completed, await Kit.CompleteRefundAsync(bought.Charge));
    }

    protected StarList TelegramList { get; } = new();

    protected async Task<Guid> RequestAsync()
    {
        await using var scope = Core.Scope();
        return await scope.Get<ReconciliationService>().RequestAsync("tester");
    }

    /// <summary>Drives a run through its steps; with <paramref name="settleSeconds"/> as configured by <c>Economy:Reconciliation:SettleSeconds</c> (default 600).</summary>
    protected async Task<IReadOnlyList<StarList.Step>> CompleteAsync(Guid run, int? settleSeconds = null)
    {
        await using var configured = settleSeconds is { } seconds ? Configured(("SettleSeconds", seconds)) : null;
        return await TelegramList.DriveAsync(configured ?? Core, run);
    }

    /// <summary>Core with some <c>Economy:Reconciliation</c> settings changed, on the same database and clock.</summary>
    protected CoreServices Configured(params (string Name, int Value)[] settings) =>
        Database.Core(Time, settings.ToDictionary(s => $"{ReconciliationOptions.Section}:{s.Name}", s => (string?)$"{s.Value}"));

    /// <summary>Telegram lists <paramref name="appended"/> after what it listed before; then a run.</summary>
    protected async Task<Guid> RunAsync(IReadOnlyList<StarTransactionRecord> appended, int? settleSeconds = null)
    {
        TelegramList.Add([.. appended]);
        var run = await RequestAsync();
        Assert.Equal(ReconcileStepOutcome.Completed, (await CompleteAsync(run, settleSeconds))[^1].Outcome);
        return run;
    }

    protected async Task<List<ReconciliationAlert>> AlertsAsync(params string[] charges)
    {
        await using var db = Database.CreateContext();
        return await db.ReconciliationAlerts.AsNoTracking().Where(a => charges.Contains(a.ChargeId)).OrderBy(a => a.Id).ToListAsync();
    }

    protected async Task<ReconciliationRun> RunRowAsync(Guid run)
    {
        await using var db = Database.CreateContext();
        return await db.ReconciliationRuns.AsNoTracking().SingleAsync(r => r.Id == run);
    }
}
