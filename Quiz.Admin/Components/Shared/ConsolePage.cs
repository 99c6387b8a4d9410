using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Quiz.Admin.Auth;

namespace Quiz.Admin.Components.Shared;

/// <summary>
/// What every console page needs: its data loaded without breaking the circuit when the database
/// is away (<see cref="LoadFailed"/>, the page keeps what it showed), operator actions that disable
/// their buttons while they run and end in a German snackbar and a reload, and the signed-in
/// operator's name for the audit log. The texts stay with the pages (<c>Quiz.Admin.Texts</c>).
/// </summary>
public abstract class ConsolePage : ComponentBase
{
    private ILogger? logger;

    [CascadingParameter]
    private Task<AuthenticationState> Authentication { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; private set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; private set; } = default!;

    /// <summary>The last read failed; the page says so and keeps what it had.</summary>
    protected bool LoadFailed { get; private set; }

    /// <summary>An action is running; its buttons are disabled.</summary>
    protected bool Busy { get; private set; }

    /// <summary>Under the page's own category, as an injected <c>ILogger&lt;Page&gt;</c> would log.</summary>
    private ILogger Logger => logger ??= LoggerFactory.CreateLogger(GetType());

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Loads what the page shows (through <see cref="ReadAsync"/>); runs again after each action.</summary>
    protected virtual Task LoadAsync() => Task.CompletedTask;

    /// <summary>Reads the page's data: a success clears an earlier failure.</summary>
    protected async Task ReadAsync(string what, Func<Task> read)
    {
        if (await TryReadAsync(what, read)) LoadFailed = false;
    }

    /// <summary>Reads one part of the page: its success says nothing about the rest, so only a failure counts.</summary>
    protected async Task<bool> TryReadAsync(string what, Func<Task> read)
    {
        try
        {
            await read();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogWarning(ex, "{What} could not be loaded", what);
            LoadFailed = true;
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> with the page's action buttons disabled.</summary>
    protected async Task WhileBusyAsync(Func<Task> work)
    {
        Busy = true;
        try
        {
            await work();
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>An operator's action: busy while it runs, then its German outcome as a snackbar and the page loaded again.</summary>
    protected Task RunAsync(Func<Task<(string Text, Severity Severity)>> action) => WhileBusyAsync(async () =>
    {
        var (text, severity) = await action();
        Snackbar.Add(text, severity);
        await LoadAsync();
    });

    /// <summary>The signed-in operator's name, recorded by Core with what they did.</summary>
    protected async Task<string> OperatorAsync() => AdminRoles.DisplayName((await Authentication).User);

    /// <summary>
    /// The signed-in admin's name; null for anyone else, with <paramref name="refusal"/> as an error
    /// snackbar when given. The role is checked on the click, not only by hiding the button.
    /// </summary>
    protected async Task<string?> AdminAsync(string? refusal = null)
    {
        var user = (await Authentication).User;
        if (user.IsInRole(AdminRoles.Admin)) return AdminRoles.DisplayName(user);
        if (refusal is not null) Snackbar.Add(refusal, Severity.Error);
        return null;
    }
}
