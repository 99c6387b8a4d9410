using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// "Spieler suchen" above a tournament's Rangliste: the found players' places (live or from the snapshot, as the
/// Rangliste itself) with two places above and below each, so an operator answers "where is player X?" at any rank.
/// </summary>
public sealed partial class TournamentStandingsSearch
{
    private string? term;
    private bool searching;
    private StandingSearchResult? result;
    private string? message;
    private Severity messageSeverity = Severity.Info;

    [Parameter, EditorRequired]
    public Guid TournamentId { get; set; }

    [Inject]
    private TournamentPlayerSearch Search { get; set; } = default!;

    [Inject]
    private ILogger<TournamentStandingsSearch> Logger { get; set; } = default!;

    private Task SearchOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? SearchAsync() : Task.CompletedTask;

    private async Task SearchAsync()
    {
        if (searching) return;
        (result, message) = (null, null);
        if (string.IsNullOrWhiteSpace(term))
        {
            (message, messageSeverity) = (AdminTexts.StandingsSearch.TermMissing, Severity.Warning);
            return;
        }
        searching = true;
        try
        {
            result = await Search.FindAsync(TournamentId, term);
            if (result is null) (message, messageSeverity) = (AdminTexts.Tournaments.NotFound, Severity.Warning);
            else if (result.Lines.Count == 0) (message, messageSeverity) = (AdminTexts.StandingsSearch.NotFound, Severity.Info);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Rangliste search failed");
            (message, messageSeverity) = (AdminTexts.StandingsSearch.Failed, Severity.Error);
        }
        finally
        {
            searching = false;
        }
    }
}
