using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Texts;
using Quiz.Core.Announcements;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Nachricht an Spieler" (admins only): a German text in Telegram HTML checked as the bot checks it, its preview as the
/// player sees it, the audience (all players or those active in the last N days) and its size, sending after a
/// confirmation, and the announcements so far with their progress (refreshed while one is being sent) and a stop.
/// </summary>
public sealed partial class AnnouncementPage : IDisposable
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(3);
    private string text = "";
    private AnnouncementHtmlCheck check = AnnouncementHtml.Check("");
    private bool activeOnly;
    private int days = 30;
    private int? recipients;
    private IReadOnlyList<AnnouncementRow>? history;
    private Timer? timer;

    [Inject]
    private AnnouncementAdministration Announcements { get; set; } = default!;

    private int? Days => activeOnly ? days : null;

    private bool DaysInvalid => activeOnly && days is < 1 or > Announcement.MaxActiveWithinDays;

    private static string Shorten(string value) => value.Length <= 160 ? value : string.Concat(value.AsSpan(0, 159), "…");

    protected override async Task OnInitializedAsync()
    {
        await LoadAsync();
        timer = new Timer(_ => _ = InvokeAsync(RefreshAsync), null, Refresh, Refresh);
    }

    protected override Task LoadAsync() => ReadAsync("Announcements", async () => history = await Announcements.ListAsync());

    /// <summary>While an announcement is on its way, its progress is read again.</summary>
    private async Task RefreshAsync()
    {
        if (history?.Any(a => a.FinishedAt is null && a.State != AnnouncementState.Draft) != true) return;
        await LoadAsync();
        StateHasChanged();
    }

    private void TextChanged(string value)
    {
        text = value ?? "";
        check = AnnouncementHtml.Check(text);
    }

    private void ActiveOnlyChanged(bool value)
    {
        activeOnly = value;
        recipients = null;
    }

    private void DaysChanged(int value)
    {
        days = value;
        recipients = null;
    }

    private Task CountAsync() => WhileBusyAsync(async () =>
    {
        if (DaysInvalid) return;
        await TryReadAsync("Announcement audience", async () => recipients = await Announcements.CountAsync(Days));
    });

    private async Task SendAsync()
    {
        if (await AdminAsync(AdminTexts.Announcements.AdminOnly) is not { } operatorName) return;
        if (!check.Valid || DaysInvalid) return;
        await CountAsync();
        if (recipients is not { } count) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(AdminTexts.Announcements.ConfirmTitle, AdminTexts.Announcements.ConfirmQuestion(count),
            yesText: AdminTexts.Announcements.ConfirmYes, cancelText: AdminTexts.Announcements.ConfirmNo);
        if (confirmed != true) return;
        await RunAsync(async () =>
        {
            var draft = await Announcements.CreateAsync(text, Days, operatorName);
            if (draft.Id is not { } id) return (draft.DaysInvalid ? AdminTexts.Announcements.DaysInvalid : AdminTexts.Announcements.Error(draft.Check), Severity.Warning);
            var outcome = await Announcements.SendAsync(id, operatorName);
            if (outcome != AnnouncementOutcome.Changed) return (AdminTexts.Announcements.NoChange, Severity.Info);
            TextChanged("");
            recipients = null;
            return (AdminTexts.Announcements.Sent, Severity.Success);
        });
    }

    private async Task CancelAsync(AnnouncementRow row)
    {
        if (await AdminAsync(AdminTexts.Announcements.AdminOnly) is not { } operatorName) return;
        var confirmed = await Dialogs.ShowMessageBoxAsync(AdminTexts.Announcements.CancelSending, AdminTexts.Announcements.CancelQuestion,
            yesText: AdminTexts.Announcements.CancelSending, cancelText: AdminTexts.Announcements.ConfirmNo);
        if (confirmed != true) return;
        await RunAsync(async () => await Announcements.CancelAsync(row.Id, operatorName) switch
        {
            AnnouncementOutcome.Changed => (AdminTexts.Announcements.Canceled, Severity.Success),
            AnnouncementOutcome.NoChange => (AdminTexts.Announcements.NoChange, Severity.Info),
            _ => (AdminTexts.Announcements.NotFound, Severity.Warning),
        });
    }

    public void Dispose() => timer?.Dispose();
}
