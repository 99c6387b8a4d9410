using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Quiz.LoadDriver;

/// <summary>A pre-checkout answer as the stub saw it: the bot's verdict and when it arrived (Stopwatch timestamp).</summary>
internal sealed record PreCheckoutSeen(bool Ok, string? ErrorMessage, long At);

/// <summary>
/// What the payers learn from the bot's outgoing calls: the invoice payload of each chat's
/// <c>sendInvoice</c> and every <c>answerPreCheckoutQuery</c> by query id, with the time the stub got it.
/// Also counts the messages the bot sent, to show how far the send budget carried the replies.
/// </summary>
internal sealed class PaymentWatch
{
    private readonly ConcurrentDictionary<long, TaskCompletionSource<(string Payload, long At)>> invoices = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<PreCheckoutSeen>> answers = new();
    private long messagesSent;

    public long MessagesSent => Interlocked.Read(ref messagesSent);

    /// <summary>Only these calls are parsed; the others pass without their body being read.</summary>
    public static bool Reads(string method) => method is "sendinvoice" or "answerprecheckoutquery";

    /// <summary>The next invoice sent to <paramref name="chatId"/>; call before the press that asks for it.</summary>
    public Task<(string Payload, long At)> ExpectInvoice(long chatId) =>
        invoices.GetOrAdd(chatId, _ => NewSource<(string, long)>()).Task;

    public void ForgetInvoice(long chatId) => invoices.TryRemove(chatId, out _);

    /// <summary>The answer to pre_checkout_query <paramref name="queryId"/>; call before posting the query.</summary>
    public Task<PreCheckoutSeen> ExpectAnswer(string queryId) => answers.GetOrAdd(queryId, _ => NewSource<PreCheckoutSeen>()).Task;

    public void ForgetAnswer(string queryId) => answers.TryRemove(queryId, out _);

    public void Count(string method)
    {
        if (method is "sendmessage" or "sendinvoice" or "editmessagetext") Interlocked.Increment(ref messagesSent);
    }

    public void Observe(string method, JsonElement body)
    {
        var at = Stopwatch.GetTimestamp();
        if (method == "sendinvoice" && QuestionInbox.ChatId(body) is { } chat && body.TryGetProperty("payload", out var payload)
            && invoices.TryRemove(chat, out var invoice))
        {
            invoice.TrySetResult((payload.GetString()!, at));
        }
        else if (method == "answerprecheckoutquery" && body.TryGetProperty("pre_checkout_query_id", out var id)
            && answers.TryRemove(id.GetString()!, out var answer))
        {
            var ok = body.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True;
            var error = body.TryGetProperty("error_message", out var message) ? message.GetString() : null;
            answer.TrySetResult(new PreCheckoutSeen(ok, error, at));
        }
    }

    private static TaskCompletionSource<T> NewSource<T>() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
