namespace Quiz.Core.Tournaments;

/// <summary>
/// How many of a tournament's entries have one score (<c>tournament_rank_buckets</c>, ADR 0019; <see cref="Points"/> −1:
/// no answer yet), sharded by player. Only the database's triggers write it, in the transactions that change the entries;
/// the application reads it — the live place (<see cref="TournamentStandingsSql"/>) and a tournament's entrant count
/// (a sum over a few hundred rows instead of a count over all its entries). Mapped read-only, as a view: the table is
/// created and changed by migrations of SQL, not by the model.
/// </summary>
public sealed class TournamentRankBucket
{
    public Guid TournamentId { get; private set; }
    public int Points { get; private set; }
    public short Shard { get; private set; }
    public int Entries { get; private set; }
}
