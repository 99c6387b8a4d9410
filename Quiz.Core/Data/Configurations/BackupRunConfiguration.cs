using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Operations;

namespace Quiz.Core.Data.Configurations;

internal sealed class BackupRunConfiguration : IEntityTypeConfiguration<BackupRun>
{
    public void Configure(EntityTypeBuilder<BackupRun> b)
    {
        b.ToTable("backup_runs", t => t.HasCheckConstraint("ck_backup_runs_kind", "kind IN ('full', 'diff', 'incr')"));
        b.HasKey(r => r.Label);
        b.Property(r => r.Label).HasMaxLength(100);
        b.Property(r => r.Kind).HasMaxLength(8);
        b.Property(r => r.RecordedAt).HasDefaultValueSql("now()");
        b.HasIndex(r => r.FinishedAt);
    }
}
