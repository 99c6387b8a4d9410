using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// Upload a content file, see what it would do per question, then import it (all or nothing). The
/// import checks the file again against the database at that moment, so the shown report is never
/// trusted blindly. A whole file at once is an admin's step (moderators edit single questions), checked again on the click.
/// </summary>
public sealed partial class QuestionImportPage
{
    /// <summary>The largest category file in the repository is far below this.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    private string? fileName;
    private string? json;
    private ImportReport? report;
    private bool tooLarge;

    [Inject]
    private QuestionImport Import { get; set; } = default!;

    private (string Text, Severity Severity) Summary => report switch
    {
        { Applied: true } r => ($"{AdminTexts.Import.Applied} {Counts(r)}", Severity.Success),
        { IsValid: false } => (AdminTexts.Import.Rejected, Severity.Error),
        { HasChanges: false } => (AdminTexts.Import.NothingToDo, Severity.Info),
        { } r => ($"{AdminTexts.Import.Valid} {Counts(r)}", Severity.Info),
        _ => ("", Severity.Normal),
    };

    private static string Counts(ImportReport r) => string.Join(", ",
        Enum.GetValues<ImportVerdict>().Where(v => r.Count(v) > 0).Select(v => $"{AdminTexts.Import.Describe(v)}: {r.Count(v)}"));

    private static Color VerdictColor(ImportVerdict verdict) => verdict switch
    {
        ImportVerdict.New => Color.Success,
        ImportVerdict.Updated => Color.Info,
        ImportVerdict.Rejected => Color.Error,
        _ => Color.Default,
    };

    private async Task FileChosenAsync(IBrowserFile? file)
    {
        if (file is null) return;
        await WhileBusyAsync(async () =>
        {
            tooLarge = false;
            report = null;
            if (file.Size > MaxFileBytes)
            {
                tooLarge = true;
                return;
            }
            using var reader = new StreamReader(file.OpenReadStream(MaxFileBytes));
            json = await reader.ReadToEndAsync();
            fileName = file.Name;
            report = await Import.CheckAsync(fileName, json);
        });
    }

    private async Task ApplyAsync()
    {
        if (fileName is null || json is null) return;
        if (await AdminAsync(AdminTexts.Import.AdminOnly) is null) return;
        await WhileBusyAsync(async () =>
        {
            report = await Import.ApplyAsync(fileName, json);
            if (report.Applied) Snackbar.Add($"{AdminTexts.Import.Applied} ({fileName})", Severity.Success);
        });
    }
}
