using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>bUnit setup for the Shop, Käufe, Support and Abgleich pages over a real database, signed in with one role.</summary>
public static class EconomyConsole
{
    public static BunitContext NewContext(PostgresDatabase database, string user, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var contexts = database.CreateFactory();
        ctx.Services.AddSingleton(new PackageAdministration(contexts, TimeProvider.System));
        ctx.Services.AddSingleton(new PurchaseSearch(contexts, TimeProvider.System));
        ctx.Services.AddSingleton(new SupportCaseAdministration(contexts, TimeProvider.System));
        ctx.Services.AddSingleton(new ReconciliationAdministration(contexts, TimeProvider.System));
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
        return ctx;
    }

    /// <summary>A paid and granted purchase of <paramref name="packageId"/> by a new player, as the bot confirms it.</summary>
    public static async Task<(Guid PurchaseId, long TelegramUserId)> PurchaseAsync(PostgresDatabase database, string firstName, string packageId)
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = await new PlayerDirectory(database.CreateFactory(), TimeProvider.System).TouchAsync(new PlayerIdentity(telegram, firstName, null, "de"));
        await using var db = database.CreateContext();
        var invoice = (await new Shop(db, TimeProvider.System).InitPurchaseAsync(player.Id, packageId))!;
        var payment = new PaymentReceived(telegram, invoice.Payload, Package.Currency, invoice.PriceStars, $"charge-{Guid.NewGuid():N}");
        var result = await new PurchaseConfirmation(db, TimeProvider.System).ConfirmAsync(payment);
        return (result.PurchaseId!.Value, telegram);
    }

    public static async Task<Purchase> LoadPurchaseAsync(PostgresDatabase database, Guid id)
    {
        await using var db = database.CreateContext();
        return await db.Purchases.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    public static async Task<Package> LoadPackageAsync(PostgresDatabase database, string id)
    {
        await using var db = database.CreateContext();
        return await db.Packages.AsNoTracking().SingleAsync(p => p.Id == id);
    }

    /// <summary>An open /paysupport case of the purchase's player, as the bot opens it.</summary>
    public static async Task<(Guid CaseId, long Number)> SupportCaseAsync(PostgresDatabase database, long telegramUserId, string text)
    {
        await using var db = database.CreateContext();
        var player = await db.Players.Where(p => p.TelegramUserId == telegramUserId).Select(p => p.Id).SingleAsync();
        var number = (await new SupportDesk(db, TimeProvider.System).OpenAsync(player, text)).Number!.Value;
        return (await db.SupportCases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync(), number);
    }
}
