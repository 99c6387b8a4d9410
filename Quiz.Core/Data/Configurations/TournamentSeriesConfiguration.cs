using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Tournaments;
using Quiz.Core.Tournaments.Series;

namespace Quiz.Core.Data.Configurations;

internal sealed class TournamentSeriesConfiguration : IEntityTypeConfiguration<TournamentSeries>
{
    public void Configure(EntityTypeBuilder<TournamentSeries> b)
    {
        b.ToTable("tournament_series", t =>
        {
            t.HasCheckConstraint("ck_tournament_series_weekdays", $"weekday_mask BETWEEN 1 AND {SeriesWeekdays.All}");
            t.HasCheckConstraint("ck_tournament_series_duration",
                $"duration_minutes BETWEEN {(int)TournamentRules.MinDuration.TotalMinutes} AND {(int)TournamentRules.MaxDuration.TotalMinutes}");
            t.HasCheckConstraint("ck_tournament_series_questions", $"question_count BETWEEN {Tournament.MinQuestions} AND {Tournament.MaxQuestions}");
            t.HasCheckConstraint("ck_tournament_series_horizon", $"horizon_days BETWEEN {SeriesRules.MinHorizonDays} AND {SeriesRules.MaxHorizonDays}");
            t.HasCheckConstraint("ck_tournament_series_entry_fee", EnumColumns.InList<TournamentEntryFee>("entry_fee"));
            t.HasCheckConstraint("ck_tournament_series_reward_tiers", "reward_tiers IS NULL OR jsonb_typeof(reward_tiers) = 'array'");
        });
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.TitlePattern).HasMaxLength(TournamentSeries.MaxPatternLength);
        b.Property(s => s.EntryFee).HasEnumText();
        b.Property(s => s.RewardTiers).HasColumnType("jsonb").HasConversion(RewardTiersColumn.Converter, RewardTiersColumn.Comparer);
        b.Property(s => s.CreatedBy).HasMaxLength(200);
        b.Property(s => s.ChangedBy).HasMaxLength(200);
    }
}
