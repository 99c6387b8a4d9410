using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Core.AntiCheat;
using Quiz.Core.Audit;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.PlayerConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Markiert": open flags by score with their evidence, resolved as a false positive or confirmed with a ban; the overview counts them.</summary>
public sealed class FlagQueuePageTests(PostgresDatabase database) : CoreTests(database)
{
    private Task<long> FlagAsync(long player, int score, string summary) =>
        Core.Get<CheatFlags>().RaiseAsync(player, FlagKind.SteadyPerfect, $"window:{Guid.NewGuid():N}", score, $$"""{"summary": "{{summary}}", "answers": 40}""");

    private static IRenderedComponent<FlagQueue> Render(BunitContext ctx)
    {
        var cut = ctx.Render<FlagQueue>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll(".markierung-wert")), Patience);
        return cut;
    }

    private static IEnumerable<string?> FlagIds(IRenderedComponent<FlagQueue> cut) => cut.FindAll(".markierung-wert").Select(td => td.GetAttribute("data-markierung"));

    [Fact]
    public async Task A_moderator_sees_the_highest_score_first_and_confirms_a_flag_with_a_ban_in_one_step()
    {
        var wim = await PlayerAsync(Core, "Wim");
        var low = await FlagAsync((await PlayerAsync(Core, "Xaver")).Id, 40, "Etwas gleichmäßig");
        var high = await FlagAsync(wim.Id, 97, "40 von 40 richtig in je 1,1 s");
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);
        var dialogs = RenderProviders(ctx);
        var cut = Render(ctx);

        var order = FlagIds(cut).ToList();
        Assert.True(order.IndexOf(high.ToString()) < order.IndexOf(low.ToString()));
        var row = cut.FindAll(".markiert-tabelle tbody tr").First(tr => tr.TextContent.Contains("Wim", StringComparison.Ordinal));
        Assert.Contains("40 von 40 richtig in je 1,1 s", row.TextContent);
        Assert.Equal($"/spieler/{wim.Id}", row.QuerySelector(".markierung-spieler-link")!.GetAttribute("href"));

        await cut.InvokeAsync(() => row.QuerySelector(".aktion-pruefen")!.Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".entscheidung-bestaetigen input")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".entscheidung-bestaetigen input").Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".folge-ban input")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".folge-ban input").Click());
        await dialogs.InvokeAsync(() => dialogs.Find(".feld-notiz textarea").Input("Eindeutig ein Bot"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-entscheiden").Click());

        cut.WaitForAssertion(() => Assert.DoesNotContain(high.ToString(), FlagIds(cut)), Patience);
        Assert.Contains(low.ToString(), FlagIds(cut));
        Assert.Equal($"Markierung {high} bestätigt: Eindeutig ein Bot", (await LoadAsync(Database, wim.Id)).BanReason);
        await using var db = Database.CreateContext();
        Assert.Equal(
            [(AuditActions.FlagRaised, "anticheat"), (AuditActions.FlagConfirmed, Moderator), (AuditActions.PlayerBanned, Moderator)],
            (await AuditLog.ForSubjectAsync(db, AuditLog.Player(wim.Id))).Select(a => (a.Action, a.Actor)));
    }

    [Fact]
    public async Task A_false_positive_needs_a_note_and_leaves_the_player_alone()
    {
        var yara = await PlayerAsync(Core, "Yara");
        var flag = await FlagAsync(yara.Id, 99, "Sehr schnell");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = Render(ctx);
        var row = cut.FindAll(".markiert-tabelle tbody tr").First(tr => tr.TextContent.Contains("Yara", StringComparison.Ordinal));

        await cut.InvokeAsync(() => row.QuerySelector(".aktion-pruefen")!.Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".feld-notiz textarea")), Patience);
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-entscheiden").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("Bitte eine Notiz angeben", dialogs.Find(".dialog-fehler").TextContent), Patience);
        Assert.Contains(flag.ToString(), FlagIds(cut));

        await dialogs.InvokeAsync(() => dialogs.Find(".feld-notiz textarea").Input("Quizmeisterin, bekannt aus dem Turnier"));
        await dialogs.InvokeAsync(() => dialogs.Find(".dialog-entscheiden").Click());

        cut.WaitForAssertion(() => Assert.DoesNotContain(flag.ToString(), FlagIds(cut)), Patience);
        var player = await LoadAsync(Database, yara.Id);
        Assert.Equal((null, null), (player.BannedAt, player.RankingHeldAt));
        await using var db = Database.CreateContext();
        Assert.Contains(await AuditLog.ForSubjectAsync(db, AuditLog.Player(yara.Id)), a => a.Action == AuditActions.FlagDismissed && a.Actor == "Anna Admin");
    }

    [Fact]
    public async Task The_overview_tile_counts_open_flags_and_links_to_Markiert()
    {
        await FlagAsync((await PlayerAsync(Core, "Zoe")).Id, 55, "Gleichtakt");
        var open = await Core.Get<Quiz.Core.Operations.Moderation.FlagReview>().CountOpenAsync();
        await using var ctx = NewContext(Core, Moderator, AdminRoles.Moderator);
        ctx.Services.AddSingleton(Core.Get<TimeProvider>());

        var cut = ctx.Render<Overview>();

        cut.WaitForAssertion(() => Assert.Equal(open.ToString(), cut.Find("[data-kennzahl='markiert'] .kennzahl-wert").TextContent.Trim()), Patience);
        Assert.Equal("/markiert", cut.Find("[data-kennzahl='markiert'] .kennzahl-link").GetAttribute("href"));
    }
}
