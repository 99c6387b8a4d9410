using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Economy;
using Quiz.Core.Messaging;

namespace Quiz.LoadDriver;

/// <summary>
/// The payments scenario around <see cref="PaymentLoad"/>: the shop's default packages (the migrator
/// seeds them; the driver only migrates), the runs, and afterwards the database's word on them —
/// a purchase row for every acknowledged successful_payment, and what is left in the outbox.
/// </summary>
internal static class PaymentScenario
{
    public static async Task RunAsync(DriverOptions o, DbContextOptions<QuizDbContext> database, Uri bot, PaymentWatch watch)
    {
        int stars;
        await using (var db = new QuizDbContext(database))
        {
            await PackageDefaults.EnsureAsync(db, DateTimeOffset.UtcNow, CancellationToken.None);
            stars = await db.Packages.Where(p => p.Id == PaymentLoad.PackageId).Select(p => p.PriceStars).SingleAsync();
        }

        var load = new PaymentLoad(bot, watch, o.Players, stars);
        Console.WriteLine(
            $"Scenario payments: warm-up {o.Warmup} s, then {o.Seconds} s; {o.Concurrency} clients send /hilfe and /profil from {o.Players} players " +
            $"through the real send budget while {o.Payers} payers buy '{PaymentLoad.PackageId}' ({stars} ⭐) again and again …");
        await load.RunAsync(o.Concurrency, o.Payers, TimeSpan.FromSeconds(o.Warmup), CancellationToken.None);
        var run = await load.RunAsync(o.Concurrency, o.Payers, TimeSpan.FromSeconds(o.Seconds), CancellationToken.None);

        await using (var db = new QuizDbContext(database))
        {
            var charges = load.Charges.ToList();
            var completed = await db.Purchases.CountAsync(p => charges.Contains(p.TelegramPaymentChargeId) && p.Status == PurchaseStatus.Completed);
            var pending = await db.OutboxMessages.CountAsync(m => m.State == OutboxState.Pending);
            var outbox = await db.OutboxMessages.CountAsync();
            Report.Payments(run, o.Payers, new PaymentCheck(charges.Count, completed, outbox, pending));
        }
    }
}

/// <summary>After all runs: acknowledged payments vs. completed purchase rows, outbox rows written and still pending.</summary>
internal sealed record PaymentCheck(int Acknowledged, int Completed, int OutboxRows, int OutboxPending);
