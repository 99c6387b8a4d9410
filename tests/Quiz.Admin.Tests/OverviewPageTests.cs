using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Core.Operations.Dashboard;
using Quiz.Testing;

namespace Quiz.Admin.Tests;

public sealed class OverviewPageTests(SeededDatabase seeded) : IClassFixture<SeededDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Overview_shows_the_database_numbers_in_german_format()
    {
        await using var core = seeded.Database.Core(new FakeTimeProvider(SeededDatabase.BeforeBerlinMidnight));
        await using var ctx = NewContext(core);

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1.234", Value(cut, "spieler"));
            Assert.Equal("3", Value(cut, "spiele-heute"));
            Assert.Equal("5", Value(cut, "antworten-heute"));
            Assert.Equal("2", Value(cut, "laufende-spiele"));
            Assert.Contains("Donnerstag, 15. Januar 2026", cut.Find(".overview-day").TextContent);
        }, Patience);
    }

    [Fact]
    public async Task Overview_draws_the_workers_daily_figures_and_links_open_work()
    {
        await using var core = seeded.Database.Core(new FakeTimeProvider(SeededDatabase.BeforeBerlinMidnight));
        await core.Get<DailyRollup>().RunAsync();
        await using var ctx = NewContext(core);

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-diagramm='antworten']")), Patience);
        Assert.Equal("5", cut.Find("[data-diagramm='antworten'] tr[data-tag='15.01.'] td[data-reihe='Antworten']").TextContent.Trim());
        Assert.Equal("2", cut.Find("[data-diagramm='antworten'] tr[data-tag='13.01.'] td[data-reihe='Antworten']").TextContent.Trim());
        Assert.Equal("3", cut.Find("[data-diagramm='spiele'] tr[data-tag='15.01.'] td[data-reihe='Schnelles Spiel']").TextContent.Trim());
        Assert.Equal(
            [("/markiert", "Zur Prüfung"), ("/meldungen", "Zu den Meldungen"), ("/support", "Zum Support")],
            cut.FindAll(".kennzahl-link").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())));
        // The tiles come from their own query; the charts may arrive first.
        cut.WaitForAssertion(() => Assert.Equal(("0", "0"), (Value(cut, "meldungen"), Value(cut, "support"))), Patience);
    }

    [Fact]
    public async Task A_moderator_gets_no_tile_leading_to_a_page_only_an_admin_may_open()
    {
        await using var core = seeded.Database.Core(new FakeTimeProvider(SeededDatabase.BeforeBerlinMidnight));
        await using var ctx = NewContext(core, AdminRoles.Moderator);

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal("0", Value(cut, "meldungen")), Patience);
        Assert.Equal(["/markiert", "/meldungen"], cut.FindAll(".kennzahl-link").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("[data-kennzahl='support']"));
    }

    [Fact]
    public async Task Overview_refreshes_every_ten_seconds()
    {
        var time = new FakeTimeProvider(SeededDatabase.BeforeBerlinMidnight);
        await using var core = seeded.Database.Core(time);
        await using var ctx = NewContext(core);
        var cut = ctx.Render<Overview>();
        cut.WaitForAssertion(() => Assert.Equal("3", Value(cut, "spiele-heute")), Patience);

        // Berlin midnight passes after 5 s, but the page only asks again on its 10 s tick.
        time.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal("3", Value(cut, "spiele-heute"));

        time.Advance(TimeSpan.FromSeconds(5));
        cut.WaitForAssertion(() =>
        {
            Assert.Equal("0", Value(cut, "spiele-heute"));
            Assert.Equal("0", Value(cut, "antworten-heute"));
            Assert.Equal("1.234", Value(cut, "spieler"));
            Assert.Contains("Freitag, 16. Januar 2026", cut.Find(".overview-day").TextContent);
        }, Patience);
    }

    [Fact]
    public async Task Overview_says_so_when_the_database_is_unreachable()
    {
        await using var core = CoreServices.Create(
            "Host=127.0.0.1;Port=1;Database=nirgends;Username=quiz;Password=quiz;Timeout=2", new FakeTimeProvider(SeededDatabase.BeforeBerlinMidnight));
        await using var ctx = NewContext(core);

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("konnten gerade nicht geladen werden", cut.Find(".overview-error").TextContent);
            Assert.Equal("–", Value(cut, "spieler"));
        }, Patience);
    }

    /// <summary>The page resolves its statistics and clock from <paramref name="core"/> (the registrations the console uses).</summary>
    private static BunitContext NewContext(CoreServices core, string role = AdminRoles.Admin)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        var auth = ctx.AddAuthorization();
        auth.SetAuthorized("Anna Admin");
        auth.SetRoles(role);
        ctx.Services.AddFallbackServiceProvider(core.Services);
        // bUnit brings a clock of its own, which would win over the fallback: the page must tick on the test's clock.
        ctx.Services.AddSingleton(core.Get<TimeProvider>());
        return ctx;
    }

    private static string Value(IRenderedComponent<Overview> cut, string key) =>
        cut.Find($"[data-kennzahl='{key}'] .kennzahl-wert").TextContent.Trim();
}
