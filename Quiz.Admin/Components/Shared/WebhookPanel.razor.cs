using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;
using Quiz.Admin.Texts;
using Quiz.Core.Operations.Machinery;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// The webhook as Telegram reports it, fetched by the bot: "Aktualisieren" enqueues the command
/// (<see cref="WebhookStatus.RequestAsync"/>); while it waits the panel reads the result again every second (at most
/// <see cref="WatchSeconds"/>), then shows it with the time it was fetched.
/// </summary>
public sealed partial class WebhookPanel : IDisposable
{
    public const int WatchSeconds = 30;

    private readonly CancellationTokenSource closing = new();
    private WebhookStatusRow? status;
    private bool busy;
    private bool failed;
    private bool watching;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private WebhookStatus Webhook { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private ILogger<WebhookPanel> Logger { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        await ReadAsync();
        if (status?.Waiting == true) Watch();
    }

    private async Task ReadAsync()
    {
        try
        {
            status = await Webhook.ReadAsync(closing.Token);
            failed = false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "Webhook status could not be loaded");
            failed = true;
        }
    }

    private async Task RefreshAsync()
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
            var asked = await Webhook.RequestAsync(AdminRoles.DisplayName(user), closing.Token);
            Snackbar.Add(asked ? AdminTexts.Betrieb.WebhookRequested : AdminTexts.Betrieb.WebhookAlreadyRequested, Severity.Info);
            await ReadAsync();
        }
        finally
        {
            busy = false;
        }
        Watch();
    }

    /// <summary>Reads again every second while the request waits for the bot.</summary>
    private void Watch()
    {
        if (watching) return;
        watching = true;
        var token = closing.Token;
        _ = Task.Run(async () =>
        {
            try
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
                for (var i = 0; i < WatchSeconds && status?.Waiting != false && await timer.WaitForNextTickAsync(token); i++)
                {
                    await InvokeAsync(async () =>
                    {
                        await ReadAsync();
                        StateHasChanged();
                    });
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                // The page was closed.
            }
            finally
            {
                watching = false;
            }
        });
    }

    public void Dispose()
    {
        closing.Cancel();
        closing.Dispose();
    }
}
