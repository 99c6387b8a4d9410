using Bunit;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Layout;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Tests.Infrastructure;
using Quiz.Admin.Texts;
using MudBlazor;
using Quiz.Admin.Operations;
using Quiz.Core.Audit;
using Quiz.ServiceDefaults.Redaction;
using Quiz.Testing;
using StackExchange.Redis;
using static Quiz.Admin.Tests.Infrastructure.EconomyConsole;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;

namespace Quiz.Admin.Tests;

/// <summary>The Betrieb page: the backlog, dead letters sent again once (admins only), services that cannot be reached.</summary>
public sealed class MachineryPageTests(PostgresDatabase database) : CoreTests(database)
{
    private Bunit.BunitContext Context(string user, string role)
    {
        var ctx = NewContext(Core, user, role);
        ctx.Services.AddOptions<MachineryOptions>().Configure(o =>
        {
            // Nothing listens on port 1: both services are unreachable.
            o.BotReadyUrl = "http://127.0.0.1:1/ready";
            o.WorkerReadyUrl = "http://127.0.0.1:1/ready";
            o.SendLimiterKeyPrefix = $"tg:rl:test:{Guid.NewGuid():N}";
        });
        ctx.Services.AddHttpClient(ServiceReadiness.Client);
        ctx.Services.AddHealthChecks();
        ctx.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(TestEnvironment.Redis));
        ctx.Services.AddSingleton<ServiceReadiness>().AddSingleton<SendBudgetReader>();
        ctx.Services.AddSingleton(new TelemetrySecrets(["geheim-123"]));
        RenderProviders(ctx);
        return ctx;
    }

    private Task<long> DeadLetterAsync(string error) => MachineryConsole.DeadLetterAsync(Database, error);

    [Fact]
    public async Task Shows_the_backlog_and_unreachable_services_in_german_and_sends_a_dead_letter_again_once()
    {
        var dead = await DeadLetterAsync("Bad Request: chat not found at /bot123:ABCdef/sendMessage geheim-123");
        await MachineryConsole.WaitingNoticeAsync(Database);
        await using var ctx = Context("Anna Admin", AdminRoles.Admin);
        var cut = ctx.Render<MachineryPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll(".dienst").Count), Patience);
        Assert.Contains("Bot: nicht erreichbar", cut.Find(".dienst[data-dienst='bot']").TextContent);
        Assert.Contains("Worker: nicht erreichbar", cut.Find(".dienst[data-dienst='worker']").TextContent);
        Assert.Contains("Konsole: bereit", cut.Find(".dienst[data-dienst='admin']").TextContent);
        var notice = cut.Find(".warteschlange-art[data-art='notice']");
        Assert.Equal("Benachrichtigung", notice.TextContent.Trim());
        Assert.Contains("Massenversand", notice.ParentElement!.TextContent);
        cut.WaitForAssertion(() => Assert.Contains("Gesamt:", cut.Find(".betrieb-budget-gesamt").TextContent), Patience);
        var error = cut.Find($".tot-art[data-tot='{dead}']").ParentElement!.QuerySelector(".tot-fehler")!.TextContent;
        Assert.DoesNotContain("ABCdef", error);
        Assert.DoesNotContain("geheim-123", error);
        Assert.Contains("chat not found", error);

        await cut.InvokeAsync(() => cut.Find($".tot-art[data-tot='{dead}']").ParentElement!.QuerySelector(".tot-senden")!.Click());

        cut.WaitForAssertion(() => Assert.Contains("erneut gesendet", cut.Find($".tot-art[data-tot='{dead}']").ParentElement!.TextContent), Patience);
        Assert.Null(cut.Find($".tot-art[data-tot='{dead}']").ParentElement!.QuerySelector(".tot-senden"));
        await using var check = Database.CreateContext();
        Assert.Equal(1, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"requeue:{dead}"));
        var audit = await check.AuditEntries.SingleAsync(a => a.Subject == $"outbox:{dead}");
        Assert.Equal((AuditActions.OutboxRequeued, "Anna Admin"), (audit.Action, audit.Actor));
    }

    [Fact]
    public async Task The_page_is_for_admins_only_and_a_moderators_click_is_refused_without_a_copy()
    {
        var page = typeof(MachineryPage).GetCustomAttributes<AuthorizeAttribute>(inherit: true).ToList();
        Assert.Contains(page, a => a.Roles == AdminRoles.Admin);
        Assert.Contains(NavItems.All, item => item is { Href: "/betrieb", Title: "Betrieb", Roles: AdminRoles.Admin });
        var dead = await DeadLetterAsync("Bad Request: three");
        var letter = Assert.Single(await Core.Get<Quiz.Core.Operations.Machinery.OutboxBacklog>().DeadLettersAsync(500), r => r.Id == dead);
        await using var ctx = Context("Mo Moderator", AdminRoles.Moderator);
        var cut = ctx.Render<DeadLetterTable>(p => p.Add(t => t.Letters, [letter]));

        await cut.InvokeAsync(() => cut.Find(".tot-senden").Click());

        Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Betrieb.NeedsAdmin);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"requeue:{dead}"));
    }

    [Fact]
    public async Task An_admin_sends_a_selection_of_dead_letters_again_each_once_and_audited()
    {
        var first = await DeadLetterAsync("Bad Request: one");
        var second = await DeadLetterAsync("Bad Request: two");
        var left = await DeadLetterAsync("Bad Request: left alone");
        var letters = (await Core.Get<Quiz.Core.Operations.Machinery.OutboxBacklog>().DeadLettersAsync(500)).Where(r => r.Id == first || r.Id == second || r.Id == left).ToList();
        await using var ctx = Context("Anna Admin", AdminRoles.Admin);
        var cut = ctx.Render<DeadLetterTable>(p => p.Add(t => t.Letters, letters));
        Assert.True(cut.Find(".tote-senden-auswahl").HasAttribute("disabled"));

        await cut.InvokeAsync(() => cut.Find($"[data-tot-auswahl='{first}'] input").Change(true));
        await cut.InvokeAsync(() => cut.Find($"[data-tot-auswahl='{second}'] input").Change(true));
        Assert.Contains("(2)", cut.Find(".tote-senden-auswahl").TextContent);
        await cut.InvokeAsync(() => cut.Find(".tote-senden-auswahl").Click());

        cut.WaitForAssertion(() => Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Betrieb.RequeuedSelected(2, 2)), Patience);
        await using var check = Database.CreateContext();
        string[] keys = [$"requeue:{first}", $"requeue:{second}", $"requeue:{left}"];
        var copies = await check.OutboxMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync();
        Assert.Equal([$"requeue:{first}", $"requeue:{second}"], copies.Order());
        var audit = await check.AuditEntries.Where(a => a.Action == AuditActions.OutboxRequeued && (a.Subject == $"outbox:{first}" || a.Subject == $"outbox:{second}")).ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("Anna Admin", a.Actor));
    }

    [Fact]
    public async Task A_moderators_selection_is_refused_without_a_copy()
    {
        var dead = await DeadLetterAsync("Bad Request: selected");
        var letter = Assert.Single(await Core.Get<Quiz.Core.Operations.Machinery.OutboxBacklog>().DeadLettersAsync(500), r => r.Id == dead);
        await using var ctx = Context("Mo Moderator", AdminRoles.Moderator);
        var cut = ctx.Render<DeadLetterTable>(p => p.Add(t => t.Letters, [letter]));

        await cut.InvokeAsync(() => cut.Find(".tote-alle input").Change(true));
        await cut.InvokeAsync(() => cut.Find(".tote-senden-auswahl").Click());

        cut.WaitForAssertion(() => Assert.Contains(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars, s => s.Message == AdminTexts.Betrieb.NeedsAdmin), Patience);
        await using var check = Database.CreateContext();
        Assert.Equal(0, await check.OutboxMessages.CountAsync(m => m.IdempotencyKey == $"requeue:{dead}"));
    }
}
