using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Tournaments;

namespace Quiz.Core.Data.Configurations;

/// <summary>The score buckets, read-only: a view mapping keeps them out of the migrations (their DDL is SQL, ADR 0019).</summary>
internal sealed class TournamentRankBucketConfiguration : IEntityTypeConfiguration<TournamentRankBucket>
{
    public void Configure(EntityTypeBuilder<TournamentRankBucket> b)
    {
        b.HasNoKey();
        b.ToView("tournament_rank_buckets");
    }
}
