using Microsoft.AspNetCore.Components;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Markiert": the open flags, highest score first, with their evidence; each is resolved as a false positive or
/// confirmed (optionally banning or holding the player). Both roles review (PRODUCT.md §7).
/// </summary>
public sealed partial class FlagQueue
{
    private const int PageSize = 50;
    private OpenFlagPage? queue;

    [Inject]
    private FlagReview Review { get; set; } = default!;

    private static string NameOf(OpenFlagRow flag) => flag.TelegramUserId is null ? AdminTexts.Players.Tombstone : flag.FirstName;

    protected override Task LoadAsync() => ReadAsync("Open flags", async () => queue = await Review.OpenAsync(pageSize: PageSize));

    private Task ReviewAsync(OpenFlagRow flag) => WhileBusyAsync(async () =>
    {
        await FlagDecisionDialog.ShowAsync(Dialogs, flag.Id, flag.Kind, NameOf(flag), await OperatorAsync());
        await LoadAsync();
    });
}
