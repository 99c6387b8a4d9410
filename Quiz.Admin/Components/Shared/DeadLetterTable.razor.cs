using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Machinery;
using Quiz.ServiceDefaults.Redaction;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// The Betrieb page's dead letters with their (redacted) error and "Erneut senden" per row. The role
/// is checked on the click; Core writes each copy at most once (<see cref="DeadLetterRequeue"/>) and audits it.
/// </summary>
public sealed partial class DeadLetterTable
{
    private readonly HashSet<long> selected = [];
    private bool busy;

    [Parameter, EditorRequired]
    public IReadOnlyList<DeadLetterRow>? Letters { get; set; }

    /// <summary>Called after a requeue, so the page reads the outbox again.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private DeadLetterRequeue Requeue { get; set; } = default!;

    [Inject]
    private TelemetrySecrets Secrets { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Errors are Telegram's descriptions; a Bot API path or a configured secret is masked all the same.</summary>
    private string ErrorText(DeadLetterRow row) => row.Error is { Length: > 0 } error ? Secrets.Redact(error) : "–";

    /// <summary>The rows that can still be sent again here (not yet sent again, not a payment command).</summary>
    private IEnumerable<long> Selectable => (Letters ?? []).Where(l => l.RequeuedAs is null && l.CanRequeue).Select(l => l.Id);

    private bool AllSelected => selected.Count > 0 && Selectable.All(selected.Contains);

    protected override void OnParametersSet() => selected.IntersectWith(Selectable);

    private void Toggle(long id, bool on)
    {
        if (on) selected.Add(id);
        else selected.Remove(id);
    }

    private void SelectAll(bool on)
    {
        selected.Clear();
        if (on) selected.UnionWith(Selectable);
    }

    /// <summary>Each selected letter once (Core audits every copy); the snackbar says how many were written now.</summary>
    private Task RequeueSelectedAsync() => RunAsync(async name =>
    {
        var ids = selected.ToList();
        var written = await Requeue.RequeueAsync(ids, name);
        selected.Clear();
        Snackbar.Add(AdminTexts.Betrieb.RequeuedSelected(written, ids.Count), written == ids.Count ? Severity.Success : Severity.Info);
    });

    private Task RequeueAsync(long id) => RunAsync(async name =>
    {
        var (text, severity) = await Requeue.RequeueAsync(id, name) switch
        {
            RequeueOutcome.Requeued => (AdminTexts.Betrieb.Requeued, Severity.Success),
            RequeueOutcome.AlreadyRequeued => (AdminTexts.Betrieb.AlreadyRequeued, Severity.Info),
            _ => (AdminTexts.Betrieb.NotRequeueable, Severity.Warning),
        };
        Snackbar.Add(text, severity);
    });

    private async Task RunAsync(Func<string, Task> work)
    {
        var user = (await Authentication).User;
        if (!user.IsInRole(AdminRoles.Admin))
        {
            Snackbar.Add(AdminTexts.Betrieb.NeedsAdmin, Severity.Error);
            return;
        }
        busy = true;
        try
        {
            await work(AdminRoles.DisplayName(user));
        }
        finally
        {
            busy = false;
        }
        await Changed.InvokeAsync();
    }
}
