using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;
using Quiz.Core.Players;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Core.Data.Configurations;

internal sealed class TournamentConfiguration : IEntityTypeConfiguration<Tournament>
{
    public void Configure(EntityTypeBuilder<Tournament> b)
    {
        b.ToTable("tournaments", t =>
        {
            t.HasCheckConstraint("ck_tournaments_state", EnumColumns.InList<TournamentState>("state"));
            t.HasCheckConstraint("ck_tournaments_entry_fee", EnumColumns.InList<TournamentEntryFee>("entry_fee"));
            t.HasCheckConstraint("ck_tournaments_window", "ends_at > starts_at");
            t.HasCheckConstraint("ck_tournaments_questions", $"question_count BETWEEN {Tournament.MinQuestions} AND {Tournament.MaxQuestions}");
            // Each state carries the timestamps of the steps that led to it, and the running ones their question set.
            t.HasCheckConstraint("ck_tournaments_started", "state = 'cancelled' OR (state IN ('active', 'finished', 'rewarded')) = (started_at IS NOT NULL AND question_set_id IS NOT NULL)");
            t.HasCheckConstraint("ck_tournaments_cancelled", "(state = 'cancelled') = (cancelled_at IS NOT NULL) AND (cancel_completed_at IS NULL OR state = 'cancelled')");
            t.HasCheckConstraint("ck_tournaments_finished", "(state IN ('finished', 'rewarded')) = (finished_at IS NOT NULL)");
            t.HasCheckConstraint("ck_tournaments_rewarded", "(state = 'rewarded') = (rewarded_at IS NOT NULL)");
            t.HasCheckConstraint("ck_tournaments_rewards_started", "rewards_started_at IS NULL OR state IN ('finished', 'rewarded')");
            t.HasCheckConstraint("ck_tournaments_rewarded_through", "rewarded_through_rank >= 0");
            t.HasCheckConstraint("ck_tournaments_reward_tiers", "reward_tiers IS NULL OR jsonb_typeof(reward_tiers) = 'array'");
            t.HasCheckConstraint("ck_tournaments_series", "(series_id IS NULL) = (series_day IS NULL) AND (series_id IS NULL) = (series_number IS NULL) AND (series_number IS NULL OR series_number >= 1)");
        });
        b.Property(t => t.RewardTiers).HasColumnType("jsonb").HasConversion(RewardTiersColumn.Converter, RewardTiersColumn.Comparer);
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Title).HasMaxLength(Tournament.MaxTitleLength);
        b.Property(t => t.State).HasEnumText();
        b.Property(t => t.EntryFee).HasEnumText();
        b.Property(t => t.CreatedBy).HasMaxLength(200);
        b.HasIndex(t => new { t.State, t.StartsAt });
        b.HasIndex(t => t.QuestionSetId).IsUnique();
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(t => t.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        // One occurrence per series and Berlin day, whoever plans it how often (ADR 0022); the number runs once per series.
        b.HasIndex(t => new { t.SeriesId, t.SeriesDay }).IsUnique().HasDatabaseName(TournamentSeries.OccurrenceIndex);
        b.HasIndex(t => new { t.SeriesId, t.SeriesNumber }).IsUnique();
        b.HasOne<TournamentSeries>().WithMany().HasForeignKey(t => t.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TournamentEntryConfiguration : IEntityTypeConfiguration<TournamentEntry>
{
    public void Configure(EntityTypeBuilder<TournamentEntry> b)
    {
        b.ToTable("tournament_entries", t =>
        {
            t.HasCheckConstraint("ck_tournament_entries_standing", "points >= 0 AND correct_answers >= 0 AND total_answer_ms >= 0");
            t.HasCheckConstraint("ck_tournament_entries_answered", "NOT answered OR session_id IS NOT NULL");
        });
        // One entry — and so one ticket and one attempt — per player and tournament.
        b.HasKey(e => new { e.TournamentId, e.PlayerId });
        // The live ranking in ResultOrder.Standard (an open attempt, finished_at NULL, sorts last among equals):
        // the top lines are the first index entries, a player's place one count over it (ADR 0015).
        // Not partial: one index-only pass over it also counts the entrants and the ranked ones.
        b.HasIndex(e => new { e.TournamentId, e.Answered, e.Points, e.TotalAnswerMs, e.FinishedAt, e.PlayerId })
            .IsDescending(false, false, true, false, false, false).HasDatabaseName(TournamentEntry.RankingIndex);
        b.HasIndex(e => e.SessionId).IsUnique();
        b.HasIndex(e => e.PlayerId);
        b.HasOne<Tournament>().WithMany().HasForeignKey(e => e.TournamentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Player>().WithMany().HasForeignKey(e => e.PlayerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GameSession>().WithMany().HasForeignKey(e => e.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TournamentResultConfiguration : IEntityTypeConfiguration<TournamentResult>
{
    public void Configure(EntityTypeBuilder<TournamentResult> b)
    {
        b.ToTable("tournament_results", t => t.HasCheckConstraint("ck_tournament_results_rank", "rank >= 1"));
        // The snapshot is written once: one line per player, one player per rank.
        b.HasKey(r => new { r.TournamentId, r.PlayerId });
        b.HasIndex(r => new { r.TournamentId, r.Rank }).IsUnique();
        b.Property(r => r.Reward).HasMaxLength(40);
        b.HasOne<Tournament>().WithMany().HasForeignKey(r => r.TournamentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TournamentEntry>().WithMany().HasForeignKey(r => new { r.TournamentId, r.PlayerId }).OnDelete(DeleteBehavior.Restrict);
    }
}
