using Microsoft.EntityFrameworkCore;
using Quiz.Core.Common;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Economy.Admin;

public sealed class PackageAdministrationTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private PackageAdministration Admin() => Core.Get<PackageAdministration>();

    private static PackageDraft New(string id) =>
        new(id, "7 Joker", "Sieben Joker 50:50 für Duelle.", 45, new Contents(0, 0, 7, 0, 0), IsSubscription: false, IsActive: true, SortOrder: 9);

    [Fact]
    public async Task Create_stores_a_valid_package_that_the_shop_then_sells()
    {
        var result = await Admin().CreateAsync(New("  joker-7 ") with { Title = " 7 Joker " });

        Assert.Equal(SaveOutcome.Saved, result.Outcome);
        var stored = await Admin().GetAsync("joker-7");
        Assert.Equal(("7 Joker", 45, 7, true, Time.GetUtcNow()), (stored!.Title, stored.PriceStars, stored.Contents.Jokers, stored.IsActive, stored.UpdatedAt!.Value));
        Assert.Contains(await Admin().ListAsync(), p => p.Id == "joker-7" && p.Contents == new Contents(0, 0, 7, 0, 0));
        await using var scope = Core.Scope();
        Assert.Contains(await scope.Get<Shop>().ListPackagesAsync(), p => p.Id == "joker-7");
    }

    [Fact]
    public async Task Create_refuses_a_taken_id_in_German()
    {
        var result = await Admin().CreateAsync(New("spiele-10"));

        Assert.Equal((SaveOutcome.Invalid, "Die ID „spiele-10“ ist schon vergeben."), (result.Outcome, Assert.Single(result.Errors)));
        Assert.Equal("10 Spiele", (await Admin().GetAsync("spiele-10"))!.Title);
    }

    [Theory]
    [InlineData("Spiele 10", "Die ID besteht nur aus Kleinbuchstaben")]
    [InlineData("spiele--10", "Die ID besteht nur aus Kleinbuchstaben")]
    [InlineData("-spiele", "Die ID besteht nur aus Kleinbuchstaben")]
    [InlineData("", "Die ID fehlt.")]
    public async Task Create_refuses_ids_that_are_not_slugs(string id, string error)
    {
        var result = await Admin().CreateAsync(New(id));

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.StartsWith(error, Assert.Single(result.Errors));
    }

    [Fact]
    public async Task Every_rule_is_reported_at_once_and_nothing_is_stored()
    {
        var draft = New("alles-falsch") with
        {
            Title = new string('T', 33), Description = "", PriceStars = 10_001, Contents = new Contents(-1, 0, 0, 0, 0),
            IsSubscription = true,
        };

        var result = await Admin().CreateAsync(draft);

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(
        [
            "Der Titel darf höchstens 32 Zeichen lang sein (Telegram-Rechnung).",
            "Die Beschreibung fehlt.",
            "Der Preis muss zwischen 1 und 10.000 Sternen liegen.",
            "„Spiele“ muss zwischen 0 und 10.000 liegen.",
            "Das Paket muss etwas enthalten (Spiele, Extra-Leben, Joker, Turnier-Tickets oder Premium-Tage).",
            "Ein Abo verlängert sich alle 30 Tage: Premium-Tage müssen genau 30 sein.",
        ], result.Errors);
        Assert.Null(await Admin().GetAsync("alles-falsch"));
    }

    [Fact]
    public async Task Boundary_values_are_accepted()
    {
        var draft = New("grenzen") with { Title = new string('T', 32), Description = new string('D', 255), PriceStars = 10_000, Contents = new Contents(0, 0, 0, 0, 30), IsSubscription = true };

        Assert.Equal(SaveOutcome.Saved, (await Admin().CreateAsync(draft)).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await Admin().CreateAsync(New("eins") with { PriceStars = 1 })).Outcome);
    }

    [Fact]
    public async Task Update_changes_the_offer_but_not_the_id_and_a_stale_editor_gets_a_conflict()
    {
        await Admin().CreateAsync(New("joker-8"));
        var first = (await Admin().GetAsync("joker-8"))!;
        var second = first;
        Time.Advance(TimeSpan.FromMinutes(1));

        var saved = await Admin().UpdateAsync(first with { Title = "8 Joker", Contents = new Contents(0, 0, 8, 0, 0), PriceStars = 50, IsActive = false });
        var stale = await Admin().UpdateAsync(second with { PriceStars = 1 });

        Assert.Equal(SaveOutcome.Saved, saved.Outcome);
        Assert.Equal(SaveOutcome.Conflict, stale.Outcome);
        Assert.Equal("Das Paket wurde inzwischen von jemand anderem geändert. Bitte neu laden.", Assert.Single(stale.Errors));
        var stored = (await Admin().GetAsync("joker-8"))!;
        Assert.Equal(("8 Joker", 8, 50, false, saved.UpdatedAt), (stored.Title, stored.Contents.Jokers, stored.PriceStars, stored.IsActive, stored.UpdatedAt));
        Assert.Equal(SaveOutcome.NotFound, (await Admin().UpdateAsync(stored with { Id = "gibt-es-nicht" })).Outcome);
    }

    [Fact]
    public async Task Update_applies_the_same_rules()
    {
        var premium = (await Admin().GetAsync("premium-30"))!;

        var result = await Admin().UpdateAsync(premium with { Contents = premium.Contents with { PremiumDays = 31 } });

        Assert.Equal(SaveOutcome.Invalid, result.Outcome);
        Assert.Equal(30, (await Admin().GetAsync("premium-30"))!.Contents.PremiumDays);
    }

    [Fact]
    public async Task Deactivating_hides_a_package_from_the_shop_and_a_repeated_click_changes_nothing()
    {
        await Admin().CreateAsync(New("tickets-3") with { Contents = new Contents(0, 0, 0, 3, 0) });

        Assert.Equal(PackageActivation.Changed, await Admin().SetActiveAsync("tickets-3", false));
        Assert.Equal(PackageActivation.Unchanged, await Admin().SetActiveAsync("tickets-3", false));
        Assert.Equal(PackageActivation.NotFound, await Admin().SetActiveAsync("gibt-es-nicht", false));
        await using (var scope = Core.Scope())
        {
            Assert.DoesNotContain(await scope.Get<Shop>().ListPackagesAsync(), p => p.Id == "tickets-3");
            Assert.Null(await scope.Get<Shop>().InitPurchaseAsync(1, "tickets-3"));
        }
        Assert.Contains(await Admin().ListAsync(), p => p.Id == "tickets-3" && !p.IsActive);

        Assert.Equal(PackageActivation.Changed, await Admin().SetActiveAsync("tickets-3", true));
        await using var again = Database.CreateContext();
        Assert.True((await again.Packages.SingleAsync(p => p.Id == "tickets-3")).IsActive);
    }
}
