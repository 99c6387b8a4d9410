using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quiz.Core.Data;

/// <summary>Reads PostgreSQL's answer out of an EF Core exception.</summary>
public static class DbErrors
{
    public static bool IsUniqueViolation(this Exception ex, string? constraintName = null) =>
        Find(ex) is { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && (constraintName is null || pg.ConstraintName == constraintName);

    /// <summary>Serialization failure or deadlock: the transaction may be retried as a whole.</summary>
    public static bool IsTransient(this Exception ex) =>
        Find(ex) is { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>
    /// The database could not be reached or refused service (connection, resources, shutdown):
    /// the caller should let the work be retried later rather than treat it as a bug.
    /// </summary>
    public static bool IsUnavailable(this Exception ex) => ex switch
    {
        PostgresException pg => pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("53", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
            || pg.SqlState is PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.ReadOnlySqlTransaction
                or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        // Npgsql wraps socket errors and timeouts; other libraries' socket errors are not ours.
        NpgsqlException => true,
        _ when ex.InnerException is { } inner => inner.IsUnavailable(),
        _ => false,
    };

    private static PostgresException? Find(Exception ex) => ex switch
    {
        PostgresException pg => pg,
        DbUpdateException { InnerException: { } inner } => Find(inner),
        _ when ex.InnerException is { } inner => Find(inner),
        _ => null,
    };
}
