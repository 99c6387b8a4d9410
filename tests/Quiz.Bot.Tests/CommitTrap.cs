using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Quiz.Bot.Tests;

/// <summary>
/// Cuts an update's handling off right after its first transaction committed, as a shutdown
/// deadline would: the handling token is cancelled and the commit's caller sees the cancellation.
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

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref armed, null) is not { } cut) return Task.CompletedTask;
        Sprung = true;
        return Task.FromException(cut());
    }
}
