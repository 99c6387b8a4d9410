using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Support;
using Quiz.Core.Players;
using Quiz.Testing;

namespace Quiz.Admin.Tests.Infrastructure;

/// <summary>bUnit setup for the Shop, Käufe, Support and Abgleich pages over a real database, signed in with one role.</summary>
public static class EconomyConsole
{
    /// <summary>The pages resolve Core's use-cases from <paramref name="core"/> (the registrations the console uses).</summary>
    public static BunitContext NewContext(CoreServices core, string user, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddFallbackServiceProvider(core.Services);
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized(user);
        auth.SetRoles(role);
        return ctx;
    }

    /// <summary>A paid and granted purchase of <paramref name="packageId"/> by a new player, as the bot confirms it.</summary>
    public static async Task<(Guid PurchaseId, long TelegramUserId)> PurchaseAsync(CoreServices core, string firstName, string packageId)
    {
        var telegram = Random.Shared.NextInt64(1_000_000, long.MaxValue);
        var player = await core.Get<PlayerDirectory>().TouchAsync(new PlayerIdentity(telegram, firstName, null, "de"));
        await using var scope = core.Scope();
        var invoice = (await scope.Get<Shop>().InitPurchaseAsync(player.Id, packageId))!;
        var payment = new PaymentReceived(telegram, invoice.Payload, Package.Currency, invoice.PriceStars, $"charge-{Guid.NewGuid():N}");
        var result = await scope.Get<PurchaseConfirmation>().ConfirmAsync(payment);
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
    public static async Task<(Guid CaseId, long Number)> SupportCaseAsync(CoreServices core, long telegramUserId, string text)
    {
        await using var scope = core.Scope();
        var db = scope.Db;
        var player = await db.Players.Where(p => p.TelegramUserId == telegramUserId).Select(p => p.Id).SingleAsync();
        var number = (await scope.Get<SupportDesk>().OpenAsync(player, text)).Number!.Value;
        return (await db.SupportCases.Where(c => c.Number == number).Select(c => c.Id).SingleAsync(), number);
    }
}
