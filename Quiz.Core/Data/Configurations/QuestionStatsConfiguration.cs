using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Questions;
using Quiz.Core.Questions.Stats;

namespace Quiz.Core.Data.Configurations;

internal sealed class QuestionStatsConfiguration : IEntityTypeConfiguration<QuestionStats>
{
    public void Configure(EntityTypeBuilder<QuestionStats> b)
    {
        b.ToTable("question_stats", t =>
        {
            t.HasCheckConstraint("ck_question_stats_counts", "asked >= 1 AND correct BETWEEN 0 AND asked AND timed_out BETWEEN 0 AND asked - correct");
            t.HasCheckConstraint("ck_question_stats_median", "median_answer_ms IS NULL OR median_answer_ms >= 0");
            t.HasCheckConstraint("ck_question_stats_difficulty", "calibrated_difficulty IS NULL OR calibrated_difficulty BETWEEN 1 AND 3");
        });
        b.HasKey(s => s.QuestionId);
        b.Property(s => s.QuestionId).HasMaxLength(40);
        b.HasOne<Question>().WithOne(q => q.Stats).HasForeignKey<QuestionStats>(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QuestionStatsCursorConfiguration : IEntityTypeConfiguration<QuestionStatsCursor>
{
    public void Configure(EntityTypeBuilder<QuestionStatsCursor> b)
    {
        b.ToTable("question_stats_cursor", t =>
        {
            t.HasCheckConstraint("ck_question_stats_cursor_singleton", $"id = {QuestionStatsCursor.SingletonId}");
            t.HasCheckConstraint("ck_question_stats_cursor_position", "last_answer_id >= 0");
        });
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}
