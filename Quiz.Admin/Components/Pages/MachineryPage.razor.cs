using Microsoft.AspNetCore.Components;
using MudBlazor;
using Quiz.Admin.Components.Shared;
using Quiz.Admin.Operations;
using Quiz.Core.Operations.Machinery;

namespace Quiz.Admin.Components.Pages;

/// <summary>
/// "Betrieb" (admins only): readiness of bot, worker and console, the outbox backlog by lane and kind, the dead letters
/// (<see cref="DeadLetterTable"/>), the webhook as Telegram sees it (<see cref="WebhookPanel"/>), the worker's jobs and
/// the send budget. Each part is read on its own, so one unreachable store leaves the others on the page.
/// </summary>
public sealed partial class MachineryPage
{
    private IReadOnlyList<ReadinessRow>? readiness;
    private IReadOnlyList<OutboxBacklogRow>? backlog;
    private IReadOnlyList<DeadLetterRow>? deadLetters;
    private IReadOnlyList<SchedulerJobRow>? jobs;
    private SendBudgetRow? budget;
    private bool budgetFailed;
    private int waitingChats;

    [Inject]
    private ServiceReadiness Readiness { get; set; } = default!;

    [Inject]
    private OutboxBacklog Outbox { get; set; } = default!;

    [Inject]
    private SchedulerJobs Scheduler { get; set; } = default!;

    [Inject]
    private SendBudgetReader Budget { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private DateTimeOffset Now => Time.GetUtcNow();

    private static Color ReadinessColor(ReadinessState state) => state switch
    {
        ReadinessState.Ready => Color.Success,
        ReadinessState.NotReady => Color.Warning,
        _ => Color.Error,
    };

    protected override async Task LoadAsync()
    {
        var ok = await TryReadAsync("Outbox backlog", async () =>
        {
            backlog = await Outbox.BacklogAsync();
            waitingChats = await Outbox.WaitingChatsAsync();
            deadLetters = await Outbox.DeadLettersAsync();
        });
        ok &= await TryReadAsync("Scheduler jobs", async () => jobs = await Scheduler.ReadAsync());
        budgetFailed = !await TryReadAsync("Send budget", async () => budget = await Budget.ReadAsync());
        ok &= await TryReadAsync("Readiness", async () => readiness = await Readiness.ReadAsync());
        if (ok && !budgetFailed) await ReadAsync("Betrieb", () => Task.CompletedTask);
    }

    private Task ReloadAsync() => WhileBusyAsync(LoadAsync);
}
