using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// Edits one question's content. Saving sends the version the dialog loaded; if someone saved in
/// between, the dialog says so and offers to reload instead of overwriting.
/// </summary>
public sealed partial class QuestionEditDialog
{
    private QuestionForm? form;
    private IReadOnlyList<CategoryChoice> categories = [];

    [Parameter]
    public string QuestionId { get; set; } = "";

    [Inject]
    private QuestionCatalog Catalog { get; set; } = default!;

    /// <summary>Opens the dialog; true when the question was saved.</summary>
    public static Task<bool> ShowAsync(IDialogService dialogs, string questionId) =>
        ShowAsync(dialogs, AdminTexts.Editor.Title, new DialogParameters<QuestionEditDialog> { { d => d.QuestionId, questionId } });

    protected override async Task OnInitializedAsync()
    {
        categories = await Catalog.CategoriesAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var draft = await Catalog.GetAsync(QuestionId);
        Conflict = false;
        Errors = draft is null ? [AdminTexts.Questions.NotFound] : [];
        form = draft is null ? null : QuestionForm.From(draft);
    }

    private async Task SaveAsync()
    {
        if (form is null) return;
        var draft = form.ToDraft();
        await TrySaveAsync(() => Catalog.SaveAsync(draft), $"{AdminTexts.Editor.Saved} ({QuestionId})");
    }

    /// <summary>The editable copy of a draft (MudBlazor binds to mutable properties).</summary>
    private sealed class QuestionForm
    {
        public required QuestionDraft Loaded { get; init; }
        public string CategoryId { get; set; } = "";
        public short Difficulty { get; set; }
        public string Text { get; set; } = "";
        public string[] Options { get; init; } = [];
        public short Correct { get; set; }
        public string Explanation { get; set; } = "";
        public string Source { get; set; } = "";
        public string? PatternKey { get; set; }
        public QuestionStatus Status => Loaded.Status;

        public static QuestionForm From(QuestionDraft d) => new()
        {
            Loaded = d,
            CategoryId = d.CategoryId,
            Difficulty = d.Difficulty,
            Text = d.Text,
            Options = [.. d.Options, .. Enumerable.Repeat("", Math.Max(0, Question.OptionCount - d.Options.Count))],
            Correct = d.Correct,
            Explanation = d.Explanation,
            Source = d.Source,
            PatternKey = d.PatternKey,
        };

        /// <summary>An empty pattern key means "none", as in the content files.</summary>
        public QuestionDraft ToDraft() => Loaded with
        {
            CategoryId = CategoryId,
            Difficulty = Difficulty,
            Text = Text ?? "",
            Options = [.. Options.Select(o => o ?? "")],
            Correct = Correct,
            Explanation = Explanation ?? "",
            Source = Source ?? "",
            PatternKey = string.IsNullOrWhiteSpace(PatternKey) ? null : PatternKey,
        };
    }
}
