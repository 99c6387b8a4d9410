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
    }
}
