using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>
/// Each list page says in German that it is loading while its rows are on the way — held up here by a lock on the table
/// it reads — and stops saying so once they arrive. (Protokoll: <c>AuditPageTests</c>; the console's role may not lock the
/// append-only audit table.)
/// </summary>
public sealed class ConsoleLoadingStateTests(PostgresDatabase database) : CoreTests(database)
{
    [Theory]
    [InlineData(typeof(QuestionList), "questions", "Fragen werden geladen …")]
    [InlineData(typeof(ReportList), "question_reports", "Meldungen werden geladen …")]
    [InlineData(typeof(PlayerList), "players", "Spieler werden geladen …")]
    [InlineData(typeof(FlagQueue), "cheat_flags", "Markierungen werden geladen …")]
    [InlineData(typeof(ShopPage), "packages", "Pakete werden geladen …")]
    [InlineData(typeof(PurchaseList), "purchases", "Käufe werden geladen …")]
    [InlineData(typeof(SupportPage), "support_cases", "Fälle werden geladen …")]
    [InlineData(typeof(ReconciliationPage), "reconciliation_alerts", "Abgleich wird geladen …")]
    [InlineData(typeof(TournamentPage), "tournaments", "Turniere werden geladen …")]
    [InlineData(typeof(TournamentPage), "tournament_series", "Serien werden geladen …")]
    [InlineData(typeof(AnnouncementPage), "announcements", "Nachrichten werden geladen …")]
    public async Task A_list_page_says_it_is_loading_until_its_rows_arrive(Type page, string table, string loading)
    {
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        RenderProviders(ctx);
        await using var db = Database.CreateContext();
        IRenderedComponent<DynamicComponent> cut;
        // Disposing the transaction without a commit rolls it back and lets the page read.
        await using (await db.Database.BeginTransactionAsync())
        {
            var lockTable = "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE"; // a table name of the test's own, not input
            await db.Database.ExecuteSqlRawAsync(lockTable);
            cut = ctx.Render<DynamicComponent>(p => p.Add(d => d.Type, page));

            cut.WaitForAssertion(() => Assert.Contains(loading, cut.Markup, StringComparison.Ordinal), Patience);
            await Task.Delay(200);
            Assert.Contains(loading, cut.Markup, StringComparison.Ordinal);
        }

        cut.WaitForAssertion(() => Assert.DoesNotContain(loading, cut.Markup, StringComparison.Ordinal), Patience);
    }
}
