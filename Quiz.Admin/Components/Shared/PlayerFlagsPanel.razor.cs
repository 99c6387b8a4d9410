using Microsoft.AspNetCore.Components;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>The player's flags with their evidence; an open one can be reviewed from here as from "Markiert".</summary>
public sealed partial class PlayerFlagsPanel
{
    [Parameter, EditorRequired]
    public IReadOnlyList<PlayerFlagRow> Flags { get; set; } = [];

    [Parameter]
    public bool Busy { get; set; }

    [Parameter]
    public EventCallback<PlayerFlagRow> OnReview { get; set; }
}
