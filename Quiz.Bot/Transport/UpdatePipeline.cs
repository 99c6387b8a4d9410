using Quiz.Bot.Handlers;
using Quiz.Bot.Inbound;
using Quiz.Bot.Replies;
using Quiz.Core.Data;
using Quiz.Core.Game;
using Quiz.Core.Messaging;
using Quiz.Core.Players;
using StackExchange.Redis;
using Telegram.Bot.Types;

namespace Quiz.Bot.Transport;

public enum UpdateOutcome
{
    Handled,

    /// <summary>Handled as the continuation of a delivery cut off after its effects committed.</summary>
    Resumed,
    Duplicate,

    /// <summary>The player was over an inbound budget: acknowledged, not handled.</summary>
    Throttled,

    /// <summary>Infrastructure failed (database, Redis): let Telegram deliver the update again.</summary>
    RetryLater,
}

/// <summary>
/// One update, at most once: claim its id, route it, complete it. An infrastructure failure (or
/// the shutdown deadline) releases the claim and asks for redelivery, which handles the update
/// again when nothing had committed and resumes it when its effects exist; a bug in a handler is logged with the update id,
/// the player gets a short apology, and the update counts as handled (no poison loop).
/// </summary>
public sealed partial class UpdatePipeline(
    UpdateClaims claims,
    PressClaims pressClaims,
    InboundGate gate,
    IServiceScopeFactory scopes,
    BotMetrics metrics,
    ILogger<UpdatePipeline> logger)
{

    public async Task<UpdateOutcome> ProcessAsync(Update update, CancellationToken ct)
    {
        var outcome = await ProcessCoreAsync(update, ct);
        metrics.UpdateHandled(outcome.ToString());
        return outcome;
    }

    private async Task<UpdateOutcome> ProcessCoreAsync(Update update, CancellationToken ct)
    {
        if (!await gate.AdmitAsync(update, ct)) return UpdateOutcome.Throttled;
        UpdateClaim claim;
        PlayerSnapshot? player = null;
        try
        {
            // A game press (the answer, the hot path) touches its player in the claim's round trip.
            if (GamePress(update) is { } who) (claim, player) = await pressClaims.ClaimAsync(update.Id, who, ct);
            else claim = await claims.ClaimAsync(update.Id, ct);
        }
        catch (Exception ex) when (IsInfrastructure(ex, ct))
        {
            LogInfrastructure(ex, update.Id);
            return UpdateOutcome.RetryLater;
        }
        if (claim == UpdateClaim.AlreadyHandled) return UpdateOutcome.Duplicate;

        // Another replica holds it: ask Telegram to come back. If that replica dies mid-way, the
        // redelivery takes the claim over after its lease instead of the update being lost.
        if (claim == UpdateClaim.InProgress) return UpdateOutcome.RetryLater;

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ClaimedPlayer>().Snapshot = player;
        var completed = false;
        try
        {
            // The handler's first commit marks the claim in its own transaction (the answer's also completes it, ADR 0014);
            // a resumed update continues what the player has not seen instead of repeating its effects.
            using (InboundUpdate.Begin(update.Id, resumed: claim == UpdateClaim.Resume))
            {
                try
                {
                    await scope.ServiceProvider.GetRequiredService<IUpdateHandler>().RouteAsync(update, ct);
                }
                finally
                {
                    completed = InboundUpdate.Current?.Completed == true;
                }
            }
        }
        catch (Exception ex) when (IsInfrastructure(ex, ct))
        {
            LogInfrastructure(ex, update.Id);
            await TryAsync(() => claims.ReleaseAsync(update.Id, CancellationToken.None));
            return UpdateOutcome.RetryLater;
        }
        catch (Exception ex)
        {
            LogHandlerBug(ex, update.Id);
            if (UpdateRouter.ChatOf(update) is { } chatId)
            {
                await TryAsync(() => scope.ServiceProvider.GetRequiredService<BotReplies>().ApologizeAsync(chatId, CancellationToken.None));
            }
        }
        if (!completed) await TryAsync(() => claims.CompleteAsync(update.Id, CancellationToken.None));
        return claim == UpdateClaim.Resume ? UpdateOutcome.Resumed : UpdateOutcome.Handled;
    }

    /// <summary>The presser of a button of the game area (what <see cref="CallbackHandler"/> would touch), else null.</summary>
    private static PlayerIdentity? GamePress(Update update) =>
        update.CallbackQuery is { Message: not null, From: { } from, Data: { } data }
        && CallbackData.TryParse(data, out var parsed) && parsed.Area == GameButtons.Area ? Identity.Of(from) : null;

    private static bool IsInfrastructure(Exception ex, CancellationToken ct) =>
        ex.IsUnavailable()
        || ex is RedisConnectionException or RedisTimeoutException
        || (ex is OperationCanceledException && ct.IsCancellationRequested);

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            LogFollowUpFailed(ex);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Update {UpdateId} not handled, infrastructure unavailable; Telegram will redeliver it")]
    private partial void LogInfrastructure(Exception ex, long updateId);

    [LoggerMessage(LogLevel.Error, "Handler failed for update {UpdateId}; the player got an apology")]
    private partial void LogHandlerBug(Exception ex, long updateId);

    [LoggerMessage(LogLevel.Warning, "Follow-up after an update failed")]
    private partial void LogFollowUpFailed(Exception ex);
}
