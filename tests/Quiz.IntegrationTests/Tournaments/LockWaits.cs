using Npgsql;

namespace Quiz.IntegrationTests.Tournaments;

/// <summary>Finding the backend of a worker that waits for a row lock a test holds (to terminate it: a killed worker).</summary>
public static class LockWaits
{
    /// <summary>
    /// The pid of the backend waiting for a lock whose statement is LIKE <paramref name="queryLike"/>. The observer has a
    /// connection of its own, outside a transaction (activity statistics are read once per transaction).
    /// </summary>
    public static async Task<int> WaitingBackendAsync(NpgsqlConnection observer, string queryLike, Task worker)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            await using var find = new NpgsqlCommand(
                "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE @like AND pid <> pg_backend_pid()", observer);
            find.Parameters.AddWithValue("like", queryLike);
            if (await find.ExecuteScalarAsync() is int pid) return pid;
            if (worker.IsCompleted) Assert.Fail($"The worker ended without waiting: {(worker.IsFaulted ? worker.Exception : "completed")}");
            await Task.Delay(50);
        }
        await using var all = new NpgsqlCommand("SELECT string_agg(pid || ' ' || coalesce(wait_event_type, '-') || ' ' || state || ' ' || left(query, 120), E'\n') FROM pg_stat_activity", observer);
        throw new TimeoutException("The worker never waited for the held row: " + await all.ExecuteScalarAsync());
    }
}
