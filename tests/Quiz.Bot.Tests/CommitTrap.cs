using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Quiz.Bot.Tests;

/// <summary>
/// Cuts an update's handling off right after its first transaction committed, as a shutdown
/// deadline would: the handling token is cancelled and the commit's caller sees the cancellation.
/// The answer commits in plain SQL with its claim completed (ADR 0014), which no EF interceptor sees: there the
/// trap springs at the first Bot API call after that commit (<see cref="BeforeTelegramCall"/>).
/// Armed for one commit at a time; inert otherwise.
/// </summary>
public sealed class CommitTrap : DbTransactionInterceptor
{
    private Func<Exception>? armed;

    /// <summary>The token to handle the next update with; the next commit cancels it.</summary>
    public CancellationToken Arm()
    {
        var source = new CancellationTokenSource();
        armed = () =>
        {
            source.Cancel();
            return new OperationCanceledException(source.Token);
        };
        return source.Token;
    }

    public bool Sprung { get; private set; }

    /// <summary>For the fake Bot API: the cut, if armed and this flow's update committed in plain SQL; else null.</summary>
    public Exception? BeforeTelegramCall()
    {
        if (Quiz.Core.Messaging.InboundUpdate.Current is not { Completed: true } || Interlocked.Exchange(ref armed, null) is not { } cut) return null;
        Sprung = true;
        return cut();
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref armed, null) is not { } cut) return Task.CompletedTask;
        Sprung = true;
        return Task.FromException(cut());
    }
}
