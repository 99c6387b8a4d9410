using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Components.Pages;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>A database without a single active question: starting a tournament must say so and change nothing.</summary>
public sealed class TournamentPageWithoutQuestionsTests(PostgresDatabase database) : CoreTests(database)
{
    [Fact]
    public async Task Jetzt_starten_without_active_questions_says_so_and_leaves_the_tournament_scheduled()
    {
        var (id, _) = await TournamentAsync(Core, TournamentState.Scheduled);
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var dialogs = RenderProviders(ctx);
        var cut = ctx.Render<TournamentPage>();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"[data-turnier='{id}']")), Patience);

        await cut.InvokeAsync(() => cut.Find(".aktion-starten").Click());
        dialogs.WaitForAssertion(() => Assert.Contains(AdminTexts.Tournaments.StartQuestion, dialogs.Markup), Patience);
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Jetzt starten").Click());

        var snackbar = ctx.Services.GetRequiredService<ISnackbar>();
        cut.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message == AdminTexts.Tournaments.NoQuestions), Patience);
        Assert.StartsWith("Keine aktiven Fragen", AdminTexts.Tournaments.NoQuestions, StringComparison.Ordinal);
        Assert.Equal(TournamentState.Scheduled, (await LoadAsync(Database, id)).State);
        Assert.Equal("Scheduled", cut.Find(".turnier-status").GetAttribute("data-status"));
    }
}
