using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Economy.Support;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Closes a support case with an optional reply to the player. The rules are checked by
/// <see cref="SupportCaseAdministration"/> and shown in German; the dialog stays open until they hold.
/// </summary>
public sealed partial class SupportCloseDialog
{
    private string reply = "";
    private string? problem;

    [Parameter, EditorRequired]
    public SupportCaseRow Case { get; set; } = default!;

    /// <summary>The console user's name, recorded as the one who closed the case.</summary>
    [Parameter, EditorRequired]
    public string ClosedBy { get; set; } = "";

    [Inject]
    private SupportCaseAdministration Cases { get; set; } = default!;

    /// <summary>Opens the dialog; true when it closed with the case closed (now or before) or gone.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, SupportCaseRow supportCase, string closedBy) =>
        ShowAsync(dialogs, AdminTexts.Support.DialogTitle,
            new DialogParameters<SupportCloseDialog> { { d => d.Case, supportCase }, { d => d.ClosedBy, closedBy } });

    private Task CloseCaseAsync() => CloseWhenAsync(() => Cases.CloseAsync(Case.Id, reply, ClosedBy), result => result.Outcome switch
    {
        SupportCloseOutcome.Invalid => null,
        SupportCloseOutcome.Closed => [($"{AdminTexts.Support.Closed} (#{Case.Number})", Severity.Success)],
        SupportCloseOutcome.AlreadyClosed => [(AdminTexts.Support.AlreadyClosed, Severity.Info)],
        _ => [(AdminTexts.Support.NotFound, Severity.Warning)],
    }, result => problem = result.Problem);
}
