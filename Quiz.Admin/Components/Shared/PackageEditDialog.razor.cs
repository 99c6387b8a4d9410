using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Economy;
using Quiz.Core.Economy.Admin;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Creates a package (no <see cref="PackageId"/>) or edits one. The rules are checked by
/// <see cref="PackageAdministration"/> and shown in German; an edit that raced another one says so
/// and offers to reload instead of overwriting.
/// </summary>
public sealed partial class PackageEditDialog
{
    private PackageForm? form;

    /// <summary>The package to edit; null for a new one.</summary>
    [Parameter]
    public string? PackageId { get; set; }

    [Inject]
    private PackageAdministration Packages { get; set; } = default!;

    private bool IsNew => PackageId is null;

    /// <summary>Opens the dialog; true when the package was saved.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, string? packageId) => ShowAsync(
        dialogs, packageId is null ? AdminTexts.Shop.EditorNew : AdminTexts.Shop.EditorEdit,
        new DialogParameters<PackageEditDialog> { { d => d.PackageId, packageId } });

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        Conflict = false;
        Errors = [];
        if (PackageId is null)
        {
            form = new PackageForm { IsActive = true, SortOrder = 10 };
            return;
        }
        var draft = await Packages.GetAsync(PackageId);
        Errors = draft is null ? [AdminTexts.Shop.NotFound] : [];
        form = draft is null ? null : PackageForm.From(draft);
    }

    private async Task SaveAsync()
    {
        if (form is null) return;
        var draft = form.ToDraft();
        await TrySaveAsync(
            () => IsNew ? Packages.CreateAsync(draft) : Packages.UpdateAsync(draft),
            $"{AdminTexts.Shop.Saved} ({draft.Id.Trim()})");
    }

    /// <summary>The editable copy of a draft (MudBlazor binds to mutable properties).</summary>
    private sealed class PackageForm
    {
        public DateTimeOffset? LoadedVersion { get; init; }
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Description { get; set; } = "";
        public int PriceStars { get; set; }
        public int Games { get; set; }
        public int ExtraLives { get; set; }
        public int Jokers { get; set; }
        public int TournamentTickets { get; set; }
        public int PremiumDays { get; set; }
        public bool IsSubscription { get; set; }
        public bool IsActive { get; set; }
        public int SortOrder { get; set; }

        public static PackageForm From(PackageDraft d) => new()
        {
            LoadedVersion = d.UpdatedAt, Id = d.Id, Title = d.Title, Description = d.Description, PriceStars = d.PriceStars,
            Games = d.Contents.Games, ExtraLives = d.Contents.ExtraLives, Jokers = d.Contents.Jokers,
            TournamentTickets = d.Contents.TournamentTickets, PremiumDays = d.Contents.PremiumDays,
            IsSubscription = d.IsSubscription, IsActive = d.IsActive, SortOrder = d.SortOrder,
        };

        public PackageDraft ToDraft() => new(
            Id ?? "", Title ?? "", Description ?? "", PriceStars, new Contents(Games, ExtraLives, Jokers, TournamentTickets, PremiumDays),
            IsSubscription, IsActive, SortOrder, LoadedVersion);
    }
}
