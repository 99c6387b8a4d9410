using Microsoft.AspNetCore.Components;
using Quiz.Core.Audit;

namespace Quiz.Admin.Components.Pages;

/// <summary>"Protokoll" (admins only): the newest audit entries, or only the accounts players deleted (<c>/loeschen</c>).</summary>
public sealed partial class AuditPage
{
    private IReadOnlyList<AuditLine>? lines;
    private bool onlyDeletions;

    [Inject]
    private AuditReader Audit { get; set; } = default!;

    protected override Task LoadAsync() =>
        ReadAsync("Audit log", async () => lines = await Audit.RecentAsync(onlyDeletions ? AuditActions.PlayerDeleted : null));

    private Task ToggleAsync(bool value)
    {
        onlyDeletions = value;
        return LoadAsync();
    }
}
