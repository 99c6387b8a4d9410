using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Quiz.Admin.Audit;
using Quiz.Core.Audit;
using AuditLinesPage = Quiz.Core.Audit.AuditLogPage;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Protokoll" (admins only): the audit log, newest first, filtered by who, what, which object and Berlin days. The filter
/// lives in the address (so it can be linked, and the CSV export reads the same), pages go back by keyset
/// (<see cref="AuditReader.PageAsync"/>), and "Als CSV herunterladen" streams everything the filter matches.
/// </summary>
public sealed partial class AuditPage
{
    public const int PageSize = 50;

    private AuditQuery query = AuditQuery.None;
    private AuditLinesPage? page;

    /// <summary>Where each page shown so far starts (null: the newest); the last is the current page.</summary>
    private readonly List<long?> pageStarts = [null];

    private string? actor;
    private string? action;
    private string? subject;
    private DateTime? from;
    private DateTime? until;

    [Inject]
    private AuditReader Audit { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "wer")]
    public string? Wer { get; set; }

    [SupplyParameterFromQuery(Name = "aktion")]
    public string? Aktion { get; set; }

    [SupplyParameterFromQuery(Name = "betrifft")]
    public string? Betrifft { get; set; }

    [SupplyParameterFromQuery(Name = "von")]
    public string? Von { get; set; }

    [SupplyParameterFromQuery(Name = "bis")]
    public string? Bis { get; set; }

    private string ExportUrl => AuditExportEndpoint.Path + query.ToQueryString();

    // The base class loads on initialisation; here the address decides, so loading waits for the parameters.
    protected override Task OnInitializedAsync() => Task.CompletedTask;

    protected override async Task OnParametersSetAsync()
    {
        var asked = AuditQuery.Parse(Wer, Aktion, Betrifft, Von, Bis);
        if (page is not null && asked == query) return;
        query = asked;
        (actor, action, subject) = (query.Actor, query.Action, query.Subject);
        (from, until) = (query.From?.ToDateTime(TimeOnly.MinValue), query.Until?.ToDateTime(TimeOnly.MinValue));
        pageStarts.Clear();
        pageStarts.Add(null);
        await LoadAsync();
    }

    protected override Task LoadAsync()
    {
        if (query.RangeInvalid)
        {
            page = null;
            return Task.CompletedTask;
        }
        return ReadAsync("Audit log", async () => page = await Audit.PageAsync(query.Filter(), pageStarts[^1], PageSize));
    }

    private Task ApplyAsync()
    {
        var asked = new AuditQuery(Clean(actor), action, Clean(subject),
            from is { } f ? DateOnly.FromDateTime(f) : null, until is { } u ? DateOnly.FromDateTime(u) : null);
        Navigation.NavigateTo("/protokoll" + asked.ToQueryString());
        return Task.CompletedTask;
    }

    private Task ApplyOnEnterAsync(KeyboardEventArgs e) => e.Key == "Enter" ? ApplyAsync() : Task.CompletedTask;

    private Task OlderAsync() => WhileBusyAsync(async () =>
    {
        if (page is not { HasOlder: true, Lines.Count: > 0 }) return;
        pageStarts.Add(page.Lines[^1].Id);
        await LoadAsync();
    });

    private Task NewerAsync() => WhileBusyAsync(async () =>
    {
        if (pageStarts.Count <= 1) return;
        pageStarts.RemoveAt(pageStarts.Count - 1);
        await LoadAsync();
    });

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
