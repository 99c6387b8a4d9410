namespace Quiz.Bot.Transport;

/// <summary>
/// After <see cref="BotStartup"/> has registered the bot, looks once a second at this replica's switches (memory only)
/// and lets <see cref="CommandMenu"/> follow a change; a failed call is tried again on a later tick.
/// </summary>
public sealed partial class CommandMenuSync(BotStartup startup, CommandMenu menu, TimeProvider time, ILogger<CommandMenuSync> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await startup.Ready.WaitAsync(stoppingToken);
            using var ticks = new PeriodicTimer(Interval, time);
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await menu.SyncAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSyncFailed(ex);
                    await Task.Delay(AfterFailure, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(LogLevel.Warning, "Command menu could not be set; trying again")]
    private partial void LogSyncFailed(Exception ex);
}
