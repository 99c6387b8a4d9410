using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Audit;

namespace Quiz.Core.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(e => e.Id).UseIdentityAlwaysColumn();
        b.Property(e => e.Actor).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Details).HasMaxLength(AuditLog.MaxDetails);
        b.HasIndex(e => new { e.Subject, e.Id });
        b.HasIndex(e => e.At);

        // The console's Protokoll: one action newest first, and a part of a name or subject (ILIKE '%…%', pg_trgm).
        b.HasIndex(e => new { e.Action, e.Id });
        b.HasIndex(e => e.Actor).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_audit_entries_actor_trgm");
        b.HasIndex(e => e.Subject).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_audit_entries_subject_trgm");
    }
}
