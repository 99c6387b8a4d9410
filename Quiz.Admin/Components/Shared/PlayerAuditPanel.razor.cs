using Microsoft.AspNetCore.Components;
using Quiz.Core.Operations.Moderation;

namespace Quiz.Admin.Components.Shared;

/// <summary>What was recorded about the player and their purchases: bans, holds, flags, refunds, deletion.</summary>
public sealed partial class PlayerAuditPanel
{
    [Parameter, EditorRequired]
    public IReadOnlyList<PlayerAuditRow> Entries { get; set; } = [];
}
