using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Core.Questions;

namespace Quiz.Admin.Components.Shared;

public sealed partial class QuestionStatusChip
{
    [Parameter]
    public QuestionStatus Status { get; set; }

    private Color ChipColor => Status switch
    {
        QuestionStatus.Active => Color.Success,
        QuestionStatus.Suspended => Color.Warning,
        _ => Color.Default,
    };
}
