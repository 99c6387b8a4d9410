using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Tournaments;

namespace Quiz.Admin.Components.Shared;

/// <summary>The top of a tournament's ranking with each line's reward: live while it runs, the snapshot once it finished.</summary>
public sealed partial class TournamentStandingsDialog
{
    public const int TopLines = 50;

    private TournamentStandings? standings;
    private bool loadFailed;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [Parameter]
    public Guid TournamentId { get; set; }

    [Parameter]
    public string Title { get; set; } = "";

    [Inject]
    private TournamentAdministration Tournaments { get; set; } = default!;

    public static async Task ShowAsync(IDialogService dialogs, Guid tournamentId, string title)
    {
        var parameters = new DialogParameters<TournamentStandingsDialog> { { d => d.TournamentId, tournamentId }, { d => d.Title, title } };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };
        var dialog = await dialogs.ShowAsync<TournamentStandingsDialog>(AdminTexts.Tournaments.StandingsTitle, parameters, options);
        await dialog.Result;
    }

    protected override async Task OnInitializedAsync()
    {
        standings = await Tournaments.StandingsAsync(TournamentId, TopLines);
        loadFailed = standings is null;
    }

    private void Close() => Dialog.Close();
}
