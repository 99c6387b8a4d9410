using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Quiz.Core.Data;
using Quiz.Core.Messaging;

namespace Quiz.Core.Operations.Machinery;

/// <summary>Payload of <see cref="OutboxKinds.GetWebhookInfo"/>: who asked (the bot needs nothing else).</summary>
public sealed record WebhookInfoCommand(string RequestedBy);

/// <summary>
/// Telegram's getWebhookInfo as the bot stores it in the command's result. <see cref="Url"/> holds only scheme, host and
/// port (the bot drops the path, which may carry a secret); null when no webhook is set (polling).
/// </summary>
public sealed record WebhookInfoSnapshot(
    string? Url, int PendingUpdateCount, DateTimeOffset? LastErrorDate, string? LastErrorMessage, int? MaxConnections,
    DateTimeOffset? LastSynchronizationErrorDate = null, IReadOnlyList<string>? AllowedUpdates = null);

/// <param name="Info">Telegram's answer of the newest fetch; null when none was fetched yet.</param>
/// <param name="FetchedAt">When the bot fetched it.</param>
/// <param name="Waiting">A request is still waiting for the bot (since <see cref="RequestedAt"/>).</param>
/// <param name="Failed">The newest request was dead-lettered, with its reason.</param>
public sealed record WebhookStatusRow(WebhookInfoSnapshot? Info, DateTimeOffset? FetchedAt, bool Waiting, DateTimeOffset? RequestedAt, string? Failed);

/// <summary>
/// The webhook's state from Telegram, fetched by the bot (it holds the token): the console enqueues a
/// <see cref="OutboxKinds.GetWebhookInfo"/> command, the bot's dispatcher runs it through its one Telegram sender and stores
/// the answer as the row's result, which <see cref="ReadAsync"/> reads back.
/// </summary>
public sealed class WebhookStatus(IDbContextFactory<QuizDbContext> contexts, TimeProvider time)
{
    /// <summary>Asks the bot once: while a request waits, another click adds none. True when a request was written now.</summary>
    public async Task<bool> RequestAsync(string operatorName, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorName);
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.OutboxMessages.AnyAsync(m => m.State == OutboxState.Pending && m.Kind == OutboxKinds.GetWebhookInfo, ct)) return false;
        OutboxWriter.Enqueue(db, OutboxKinds.GetWebhookInfo, null, new WebhookInfoCommand(operatorName), time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<WebhookStatusRow> ReadAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.Kind == OutboxKinds.GetWebhookInfo);
        var sent = await rows.Where(m => m.State == OutboxState.Sent && m.Result != null)
            .OrderByDescending(m => m.ProcessedAt).Select(m => new { m.Result, m.ProcessedAt }).FirstOrDefaultAsync(ct);
        var newest = await rows.OrderByDescending(m => m.Id).Select(m => new { m.State, m.CreatedAt, m.LastError }).FirstOrDefaultAsync(ct);
        var info = sent?.Result is { } json ? JsonSerializer.Deserialize<WebhookInfoSnapshot>(json, OutboxWriter.PayloadJson) : null;
        return new WebhookStatusRow(info, sent?.ProcessedAt, newest?.State == OutboxState.Pending, newest?.CreatedAt,
            newest?.State == OutboxState.Dead ? newest.LastError ?? "" : null);
    }
}
