using System.Security.Claims;
using Microsoft.AspNetCore.Components;

namespace Quiz.Admin.Components.Shared;

/// <summary>Shown in place of a page the signed-in operator may not open.</summary>
public sealed partial class AccessDeniedNotice
{
    /// <summary>The signed-in operator who was refused the page.</summary>
    [Parameter, EditorRequired]
    public ClaimsPrincipal User { get; set; } = default!;
}
