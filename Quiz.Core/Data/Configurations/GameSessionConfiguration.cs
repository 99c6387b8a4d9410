using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;

namespace Quiz.Core.Data.Configurations;

internal sealed class GameSessionConfiguration : IEntityTypeConfiguration<GameSession>
{
    public void Configure(EntityTypeBuilder<GameSession> b)
    {
        b.ToTable("game_sessions", t =>
        {
            t.HasCheckConstraint("ck_game_sessions_mode", EnumColumns.InList<GameMode>("mode"));
            t.HasCheckConstraint("ck_game_sessions_state", EnumColumns.InList<SessionState>("state"));
            t.HasCheckConstraint("ck_game_sessions_category_mode", "mode <> 'category' OR category_id IS NOT NULL");
            t.HasCheckConstraint("ck_game_sessions_shared_set", "(mode IN ('daily', 'duel', 'tournament')) = (question_set_id IS NOT NULL)");
            t.HasCheckConstraint("ck_game_sessions_extra_life", "NOT extra_life_used OR mode = 'survival'");
            t.HasCheckConstraint("ck_game_sessions_question_count", "question_count IS NULL OR question_count > 0");
            t.HasCheckConstraint("ck_game_sessions_counters", "score >= 0 AND correct_count >= 0 AND best_streak >= 0");
            t.HasCheckConstraint(
                "ck_game_sessions_finished_at",
                "(state IN ('finished', 'abandoned')) = (finished_at IS NOT NULL)");
        });
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Mode).HasEnumText();
        b.Property(s => s.State).HasEnumText();
        b.Property(s => s.CategoryId).HasMaxLength(40);
        b.HasOne(s => s.Player).WithMany().HasForeignKey(s => s.PlayerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Category).WithMany().HasForeignKey(s => s.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.PlayerId, s.StartedAt });
        b.HasIndex(s => s.StartedAt);

        // One attempt per shared question set: a second Tagesquiz the same day or a duel twice is refused.
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(s => s.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.PlayerId, s.QuestionSetId }).IsUnique()
            .HasDatabaseName(GameSession.UniqueAttemptPerSet).HasFilter("question_set_id IS NOT NULL");
        b.HasIndex(s => new { s.QuestionSetId, s.State }).HasFilter("question_set_id IS NOT NULL");

        // The game clock scans only open sessions for idleness.
        b.HasIndex(s => s.LastActivityAt)
            .HasDatabaseName("ix_game_sessions_open_last_activity")
            .HasFilter("state IN ('active', 'paused')");
    }
}
