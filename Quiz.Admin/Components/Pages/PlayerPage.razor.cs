using Microsoft.AspNetCore.Components;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// One player: profile, numbers, recent games with answer times, flags with evidence, purchases, ledger, support
/// cases and audit; the steps ban / unban, hold out of / restore to rankings and a manual flag, each with a
/// required, audited reason. Both roles may take them (PRODUCT.md: moderators review, flag and ban); purchases,
/// ledger, support cases and the audit entries about purchases (refunds) are money: read and shown for admins only.
/// </summary>
public sealed partial class PlayerPage
{
    private PlayerDossier? dossier;
    private bool loaded;

    [Parameter]
    public long PlayerId { get; set; }

    [Inject]
    private PlayerReview Players { get; set; } = default!;

    /// <summary>Loads in <see cref="OnParametersSetAsync"/>: the same page instance may be shown for another player.</summary>
    protected override Task OnInitializedAsync() => Task.CompletedTask;

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task LoadAsync() => ReadAsync("Player", async () =>
    {
        dossier = await Players.GetAsync(PlayerId, withMoney: await AdminAsync() is not null);
        loaded = true;
    });

    private string Name => dossier?.Account is { Deleted: false } a ? a.FirstName : AdminTexts.Players.Tombstone;

    private Task ActAsync(PlayerAction action) => WhileBusyAsync(async () =>
    {
        await ModerationDialog.ShowAsync(Dialogs, action, PlayerId, Name, await OperatorAsync());
        await LoadAsync();
    });

    private Task ReviewAsync(PlayerFlagRow flag) => WhileBusyAsync(async () =>
    {
        await FlagDecisionDialog.ShowAsync(Dialogs, flag.Id, flag.Kind, Name, await OperatorAsync());
        await LoadAsync();
    });
}
