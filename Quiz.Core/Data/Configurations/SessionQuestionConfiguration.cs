using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;

namespace Quiz.Core.Data.Configurations;

internal sealed class SessionQuestionConfiguration : IEntityTypeConfiguration<SessionQuestion>
{
    public void Configure(EntityTypeBuilder<SessionQuestion> b)
    {
        b.ToTable("session_questions", t =>
        {
            t.HasCheckConstraint("ck_session_questions_ordinal", "ordinal >= 0");
            t.HasCheckConstraint(
                "ck_session_questions_option_order",
                "cardinality(option_order) = 4 AND option_order @> ARRAY[0,1,2,3]::smallint[]");
            t.HasCheckConstraint("ck_session_questions_correct_position", "correct_position BETWEEN 0 AND 3");

            // A 50:50 joker takes away exactly two wrong options, never the correct one.
            t.HasCheckConstraint(
                "ck_session_questions_removed",
                "removed_positions IS NULL OR (cardinality(removed_positions) = 2 AND removed_positions <@ ARRAY[0,1,2,3]::smallint[]"
                + " AND removed_positions[1] <> removed_positions[2] AND NOT (correct_position = ANY (removed_positions)))");
            t.HasCheckConstraint(
                "ck_session_questions_window",
                "(sent_at IS NULL AND deadline_at IS NULL) OR (sent_at IS NOT NULL AND deadline_at > sent_at)");
        });
        b.HasKey(q => new { q.SessionId, q.Ordinal });
        b.Property(q => q.QuestionId).HasMaxLength(40);
        b.HasOne(q => q.Question).WithMany().HasForeignKey(q => q.QuestionId).OnDelete(DeleteBehavior.Restrict);

        // A question appears at most once per session.
        b.HasIndex(q => new { q.SessionId, q.QuestionId }).IsUnique();
        b.HasIndex(q => q.QuestionId);
    }
}
