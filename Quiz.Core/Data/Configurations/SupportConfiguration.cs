using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Economy.Reconciliation;
using Quiz.Core.Economy.Support;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class SupportCaseConfiguration : IEntityTypeConfiguration<SupportCase>
{
    public void Configure(EntityTypeBuilder<SupportCase> b)
    {
        b.ToTable("support_cases", t =>
        {
            t.HasCheckConstraint("ck_support_cases_status", EnumColumns.InList<SupportCaseStatus>("status"));
            t.HasCheckConstraint("ck_support_cases_text", "(status = 'draft') = (text IS NULL)");
            t.HasCheckConstraint("ck_support_cases_closed", "(status = 'closed') = (closed_at IS NOT NULL)");
        });
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Number).UseIdentityAlwaysColumn();
        b.Property(c => c.Status).HasEnumText();
        b.Property(c => c.Text).HasMaxLength(SupportCase.MaxTextLength);
        b.Property(c => c.Reply).HasMaxLength(SupportCase.MaxReplyLength);
        b.Property(c => c.ClosedBy).HasMaxLength(200);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.Status, c.CreatedAt });

        // At most one case waiting for its description per player: /paysupport twice reuses it.
        b.HasIndex(c => c.PlayerId).IsUnique().HasFilter("status = 'draft'").HasDatabaseName(SupportCase.UniqueDraft);
        b.HasOne<Player>().WithMany().HasForeignKey(c => c.PlayerId).OnDelete(DeleteBehavior.Restrict);

        // The console's player page lists a player's cases, newest first.
        b.HasIndex(c => new { c.PlayerId, c.Number });
    }
}

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> b)
    {
        b.ToTable("reconciliation_runs", t =>
        {
            t.HasCheckConstraint("ck_reconciliation_runs_status", EnumColumns.InList<ReconciliationStatus>("status"));
            t.HasCheckConstraint("ck_reconciliation_runs_done", "(status = 'requested') = (completed_at IS NULL)");
        });
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.RequestedBy).HasMaxLength(200);
        b.Property(r => r.DayKey).HasMaxLength(10);
        b.Property(r => r.Status).HasEnumText();
        b.Property(r => r.Error).HasMaxLength(1000);
        b.HasIndex(r => r.DayKey).IsUnique().HasDatabaseName(ReconciliationRun.UniqueDay);
        b.HasIndex(r => r.RequestedAt);
        b.HasIndex(r => r.Status).HasFilter("status = 'requested'");
    }
}

internal sealed class ReconciliationCursorConfiguration : IEntityTypeConfiguration<ReconciliationCursor>
{
    public void Configure(EntityTypeBuilder<ReconciliationCursor> b)
    {
        b.ToTable("reconciliation_cursor", t =>
        {
            t.HasCheckConstraint("ck_reconciliation_cursor_singleton", $"id = {ReconciliationCursor.SingletonId}");
            t.HasCheckConstraint("ck_reconciliation_cursor_position", "position >= 0");
        });
        b.Property(c => c.Id).ValueGeneratedNever();

        // "offset" is a reserved word in SQL.
        b.Property(c => c.Offset).HasColumnName("position");
    }
}

internal sealed class ReconciliationAlertConfiguration : IEntityTypeConfiguration<ReconciliationAlert>
{
    public void Configure(EntityTypeBuilder<ReconciliationAlert> b)
    {
        b.ToTable("reconciliation_alerts", t =>
            t.HasCheckConstraint("ck_reconciliation_alerts_kind", EnumColumns.InList<DifferenceKind>("kind")));
        b.Property(a => a.Id).UseIdentityAlwaysColumn();
        b.Property(a => a.Kind).HasEnumText();
        b.Property(a => a.ChargeId).HasMaxLength(200);
        b.Property(a => a.ResolvedBy).HasMaxLength(200);
        b.Property(a => a.Note).HasMaxLength(500);

        // A difference stays one alert while it is open, however many runs find it again.
        b.HasIndex(a => new { a.Kind, a.ChargeId }).IsUnique().HasFilter("resolved_at IS NULL").HasDatabaseName(ReconciliationAlert.UniqueOpen);
        b.HasIndex(a => a.RunId);
        b.HasIndex(a => a.ChargeId);
        b.HasOne<ReconciliationRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Restrict);
    }
}
