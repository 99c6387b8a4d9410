using Bunit;
using Quiz.Admin.Auth;
using Quiz.Core.Tournaments;
using Quiz.Testing;
using static Quiz.Admin.Tests.Infrastructure.QuestionConsole;
using static Quiz.Admin.Tests.Infrastructure.TournamentConsole;

namespace Quiz.Admin.Tests;

/// <summary>"Spieler suchen" in the Rangliste dialog: the found player's place, marked, with German messages for nothing to search or nobody found.</summary>
public sealed class TournamentStandingsSearchTests(PostgresDatabase database) : CoreTests(database)
{
    [Fact]
    public async Task Spieler_suchen_shows_the_found_players_place_marked_and_says_in_German_when_nothing_matches()
    {
        await QuestionsAsync(Database);
        var (id, _) = await TournamentAsync(Core, TournamentState.Active);
        var greta = await PlayAsync(Core, id, "Greta");
        var hans = await PlayAsync(Core, id, "Hans");
        await using var ctx = NewContext(Core, "Anna Admin", AdminRoles.Admin);
        var (cut, dialogs) = Open(ctx, id);
        await cut.InvokeAsync(() => Row(cut, id).QuerySelector(".aktion-rangliste")!.Click());
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".rangliste-suchfeld input")), Patience);

        await dialogs.InvokeAsync(() => dialogs.Find(".rangliste-suchen").Click());
        Assert.Equal("Bitte einen Namen, Benutzernamen oder eine Telegram-ID eingeben.", dialogs.Find(".rangliste-suche-hinweis").TextContent.Trim());

        await dialogs.InvokeAsync(() => dialogs.Find(".rangliste-suchfeld input").Input("hAnS"));
        await dialogs.InvokeAsync(() => dialogs.Find(".rangliste-suchfeld input").KeyDown("Enter"));
        dialogs.WaitForAssertion(() => Assert.NotNull(dialogs.Find(".rangliste-suche-tabelle .rangliste-treffer")), Patience);
        var hit = dialogs.Find(".rangliste-suche-tabelle .rangliste-treffer");
        var standings = (await Core.Get<TournamentAdministration>().StandingsAsync(id))!;
        Assert.Equal((hans.ToString(System.Globalization.CultureInfo.InvariantCulture), standings.Top.Single(l => l.PlayerId == hans).Rank.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (hit.GetAttribute("data-spieler"), hit.QuerySelector(".rang-platz")!.TextContent.Trim()));
        Assert.Contains("Treffer", hit.TextContent);
        // Greta, the neighbour, is listed too, not marked.
        Assert.Single(dialogs.FindAll($".rangliste-suche-tabelle .rangliste-zeile[data-spieler='{greta}']:not(.rangliste-treffer)"));
        Assert.Equal("1 Treffer mit je zwei Plätzen davor und danach.", dialogs.Find(".rangliste-suche-anzahl").TextContent.Trim());

        await dialogs.InvokeAsync(() => dialogs.Find(".rangliste-suchfeld input").Input("Niemand"));
        await dialogs.InvokeAsync(() => dialogs.Find(".rangliste-suchen").Click());
        dialogs.WaitForAssertion(() => Assert.Equal("Kein gewerteter Spieler passt zu dieser Suche.", dialogs.Find(".rangliste-suche-hinweis").TextContent.Trim()), Patience);
        Assert.Empty(dialogs.FindAll(".rangliste-suche-tabelle"));
    }
}
