using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Audit;
using Quiz.Core.Economy;

namespace Quiz.EndToEndTests;

/// <summary>/meinedaten and /loeschen through the sandbox: the export arrives as a document; the deletion after confirmation.</summary>
[Collection(AppModelCollection.Name)]
public sealed class DataProtectionTests(AppModelFixture fixture)
{
    [Fact]
    public async Task A_player_gets_their_data_as_a_document_and_deletes_the_account_which_stops_premium_first()
    {
        var sandbox = fixture.Sandbox();
        var dora = await ChatPlayer.CreateAsync(fixture, "Dora");
        await dora.SayAsync("/shop");
        var shop = await dora.MessageAsync("Shop");
        Assert.Null((await dora.PressAsync(shop, "shop:buy:premium-30")).Text);
        var offer = await dora.MessageAsync("Premium ist ein Abo");
        var link = ChatPlayer.Buttons(offer).Single(b => b.StartsWith("https://", StringComparison.Ordinal));
        Assert.Equal("paid", (await dora.PayLinkAsync(link)).Status);
        await dora.MessageAsync("Premium bis");

        await dora.SayAsync("/meinedaten");
        var chat = await sandbox.WaitForChatAsync(dora.User, c => c.Any(m => m.Document is not null), TimeSpan.FromSeconds(30));
        var document = chat.Single(m => m.Document is not null);
        Assert.Equal("meinedaten.json", (string?)document.Document!["file_name"]);
        Assert.Contains("Deine Daten", document.Caption);
        var export = JsonDocument.Parse(await sandbox.DocumentAsync(dora.User, document.MessageId)).RootElement;
        Assert.Equal(("Dora", dora.User.UserId), (export.GetProperty("profile").GetProperty("first_name").GetString(),
            export.GetProperty("profile").GetProperty("telegram_user_id").GetInt64()));
        Assert.Single(export.GetProperty("purchases").EnumerateArray());

        await dora.SayAsync("/loeschen");
        var question = await dora.MessageAsync("Konto löschen?");
        var confirm = ChatPlayer.Buttons(question).Single(b => b.StartsWith("del:ok:", StringComparison.Ordinal));
        Assert.Null((await dora.PressAsync(question, confirm)).Text);
        await dora.WaitForAsync(question.MessageId, m => m.Text!.Contains("Dein Konto ist gelöscht", StringComparison.Ordinal));

        // The outbox stops the renewal at Telegram.
        var subscription = (await sandbox.SubscriptionsAsync(dora.User)).Single();
        for (var i = 0; i < 300 && !subscription.CanceledByBot; i++)
        {
            await Task.Delay(100);
            subscription = (await sandbox.SubscriptionsAsync(dora.User)).Single();
        }
        Assert.True(subscription.CanceledByBot);

        await using var db = fixture.Database();
        Assert.False(await db.Players.AnyAsync(p => p.TelegramUserId == dora.User.UserId));
        var purchase = await db.Purchases.SingleAsync(p => p.TelegramPaymentChargeId == subscription.ChargeId);
        var tombstone = await db.Players.SingleAsync(p => p.Id == purchase.PlayerId);
        Assert.Equal(("", (string?)null), (tombstone.FirstName, tombstone.Username));
        Assert.NotNull(tombstone.DeletedAt);
        Assert.Equal(PurchaseStatus.Completed, purchase.Status);
        Assert.Equal(AuditActions.PlayerDeleted, Assert.Single(await AuditLog.ForSubjectAsync(db, AuditLog.Player(tombstone.Id))).Action);
    }
}
