using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.AntiCheat;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class CheatFlagConfiguration : IEntityTypeConfiguration<CheatFlag>
{
    public void Configure(EntityTypeBuilder<CheatFlag> b)
    {
        b.ToTable("cheat_flags", t =>
        {
            t.HasCheckConstraint("ck_cheat_flags_kind", EnumColumns.InList<FlagKind>("kind"));
            t.HasCheckConstraint("ck_cheat_flags_status", EnumColumns.InList<FlagStatus>("status"));
            t.HasCheckConstraint("ck_cheat_flags_score", "score BETWEEN 0 AND 100");
            t.HasCheckConstraint("ck_cheat_flags_resolution", "(status = 'open') = (resolved_at IS NULL) AND (status = 'open') = (resolved_by IS NULL)");
        });
        b.Property(f => f.Id).UseIdentityAlwaysColumn();
        b.Property(f => f.Kind).HasEnumText();
        b.Property(f => f.Status).HasEnumText();
        b.Property(f => f.Subject).HasMaxLength(CheatFlag.MaxSubjectLength);
        b.Property(f => f.Evidence).HasColumnType("jsonb");
        b.Property(f => f.ResolvedBy).HasMaxLength(200);
        b.Property(f => f.ResolutionNote).HasMaxLength(CheatFlag.MaxNoteLength);
        b.HasOne<Player>().WithMany().HasForeignKey(f => f.PlayerId).OnDelete(DeleteBehavior.Restrict);

        // The same signal on the same subject is one flag (raising it again updates it while open).
        b.HasIndex(f => new { f.PlayerId, f.Kind, f.Subject }).IsUnique().HasDatabaseName(CheatFlag.UniqueSignal);

        // The console's queue: open flags by score.
        b.HasIndex(f => new { f.Score, f.Id }).HasDatabaseName("ix_cheat_flags_open_score").HasFilter("status = 'open'").IsDescending(true, true);
    }
}

internal sealed class AntiCheatCursorConfiguration : IEntityTypeConfiguration<AntiCheatCursor>
{
    public void Configure(EntityTypeBuilder<AntiCheatCursor> b)
    {
        b.ToTable("anticheat_cursor", t =>
        {
            t.HasCheckConstraint("ck_anticheat_cursor_singleton", $"id = {AntiCheatCursor.SingletonId}");
            t.HasCheckConstraint("ck_anticheat_cursor_position", "last_answer_id >= 0");
        });
        b.Property(c => c.Id).ValueGeneratedNever();
    }
}
