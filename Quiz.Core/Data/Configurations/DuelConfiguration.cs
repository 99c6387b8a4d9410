using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Game;
using Quiz.Core.Game.Duels;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class DuelConfiguration : IEntityTypeConfiguration<Duel>
{
    public void Configure(EntityTypeBuilder<Duel> b)
    {
        b.ToTable("duels", t =>
        {
            t.HasCheckConstraint("ck_duels_state", EnumColumns.InList<DuelState>("state"));
            t.HasCheckConstraint("ck_duels_code", "code ~ '^[a-z0-9]{10}$'");
            t.HasCheckConstraint("ck_duels_not_self", "opponent_id IS NULL OR opponent_id <> challenger_id");
            t.HasCheckConstraint(
                "ck_duels_opponent",
                "(opponent_id IS NULL) = (opponent_session_id IS NULL) AND (opponent_id IS NULL) = (accepted_at IS NULL)");
            t.HasCheckConstraint("ck_duels_accepted_state", "state IN ('open', 'expired') OR opponent_id IS NOT NULL");
            t.HasCheckConstraint("ck_duels_completed", "(state = 'completed') = (completed_at IS NOT NULL)");
            t.HasCheckConstraint("ck_duels_expiry", "expires_at > created_at");
        });
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Code).HasMaxLength(Duel.CodeLength);
        b.Property(d => d.State).HasEnumText();
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => d.ChallengerSessionId).IsUnique();
        b.HasIndex(d => d.OpponentSessionId).IsUnique();
        b.HasIndex(d => d.QuestionSetId).IsUnique();
        b.HasIndex(d => d.ExpiresAt).HasDatabaseName("ix_duels_open_expires_at").HasFilter("state = 'open'");
        b.HasOne<QuestionSet>().WithMany().HasForeignKey(d => d.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Player>().WithMany().HasForeignKey(d => d.ChallengerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Player>().WithMany().HasForeignKey(d => d.OpponentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GameSession>().WithMany().HasForeignKey(d => d.ChallengerSessionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<GameSession>().WithMany().HasForeignKey(d => d.OpponentSessionId).OnDelete(DeleteBehavior.Restrict);
    }
}
