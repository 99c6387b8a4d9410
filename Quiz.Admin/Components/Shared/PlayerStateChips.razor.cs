using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Shared;

/// <summary>A player's state at a glance: deleted, banned, out of rankings, open flags.</summary>
public sealed partial class PlayerStateChips
{
    [Parameter]
    public bool Banned { get; set; }

    [Parameter]
    public bool Held { get; set; }

    [Parameter]
    public bool Deleted { get; set; }

    [Parameter]
    public int OpenFlags { get; set; }
}
