using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class AnswerEventConfiguration : IEntityTypeConfiguration<AnswerEvent>
{
    public void Configure(EntityTypeBuilder<AnswerEvent> b)
    {
        b.ToTable("answer_events", t =>
        {
            t.HasCheckConstraint("ck_answer_events_chosen_position", "chosen_position IS NULL OR chosen_position BETWEEN 0 AND 3");
            t.HasCheckConstraint("ck_answer_events_points", "points BETWEEN 0 AND 150");
            t.HasCheckConstraint("ck_answer_events_points_need_correct", "is_correct OR points = 0");
            t.HasCheckConstraint("ck_answer_events_timeout_is_wrong", "chosen_position IS NOT NULL OR NOT is_correct");
            t.HasCheckConstraint("ck_answer_events_answer_ms", "answer_ms >= 0");
        });
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.QuestionId).HasMaxLength(40);

        // The last line of defence against double taps and two devices: one answer per session question.
        b.HasIndex(a => new { a.SessionId, a.Ordinal }).IsUnique().HasDatabaseName(AnswerEvent.UniquePerSessionQuestion);
        b.HasOne<SessionQuestion>().WithOne()
            .HasForeignKey<AnswerEvent>(a => new { a.SessionId, a.Ordinal })
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Player>().WithMany().HasForeignKey(a => a.PlayerId).OnDelete(DeleteBehavior.Restrict);

        // Seed §12.1: answers per player over time (history window, statistics, anti-cheat).
        b.HasIndex(a => new { a.PlayerId, a.CreatedAt });
        b.HasIndex(a => new { a.QuestionId, a.CreatedAt });
        b.HasIndex(a => a.CreatedAt);
    }
}
