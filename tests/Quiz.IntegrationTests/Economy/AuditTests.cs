using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy;

/// <summary>The audit record of a refund: written with the change it records, once, and never rewritten.</summary>
public sealed class AuditTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private EconomyKit Kit => new(Core);

    [Fact]
    public async Task A_refund_leaves_one_request_and_one_completion_entry_however_often_both_arrive()
    {
        var (player, telegram) = await Kit.NewPlayerAsync();
        var payment = EconomyKit.Payment(telegram, await Kit.InvoiceAsync(player, "joker-5"));
        var purchase = (await Kit.ConfirmAsync(payment)).PurchaseId!.Value;

        Assert.Equal(RefundOutcome.Requested, await Kit.RequestRefundAsync(purchase));
        Assert.Equal(RefundOutcome.AlreadyRequested, await Kit.RequestRefundAsync(purchase));
        await StartLine.RunAsync(6, async line =>
        {
            await line.ArriveAsync();
            return await Kit.CompleteRefundAsync(payment.TelegramPaymentChargeId);
        });

        await using var db = Database.CreateContext();
        var entries = await AuditLog.ForSubjectAsync(db, AuditLog.Purchase(purchase));
        Assert.Equal([AuditActions.RefundRequested, AuditActions.Refunded], entries.Select(e => e.Action));
        Assert.Equal(("tester", "Test"), (entries[0].Actor, entries[0].Details));
        Assert.Equal("telegram", entries[1].Actor);

        var detail = await Core.Get<PurchaseSearch>().GetAsync(purchase);
        Assert.Equal([AuditActions.RefundRequested, AuditActions.Refunded], detail!.History.Select(h => h.Action));
    }

    /// <summary>Even the schema's owner cannot (the services' role may not even try: <c>ServiceRoleTests</c>).</summary>
    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_audit_entry()
    {
        await using var db = Database.CreateOwnerContext();
        AuditLog.Record(db, "Anna Admin", AuditActions.RefundRequested, AuditLog.Purchase(Guid.NewGuid()), "Versehen", Time.GetUtcNow());
        await db.SaveChangesAsync();
        var id = await db.AuditEntries.MaxAsync(e => e.Id);

        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.AuditEntries.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Actor, "jemand anders")));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.AuditEntries.Where(e => e.Id == id).ExecuteDeleteAsync());

        Assert.All([update, delete], ex => Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal));
        Assert.Equal("Anna Admin", (await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id)).Actor);
    }
}
