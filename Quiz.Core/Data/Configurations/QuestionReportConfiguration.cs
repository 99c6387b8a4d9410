using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Players;
using Quiz.Core.Questions;

namespace Quiz.Core.Data.Configurations;

internal sealed class QuestionReportConfiguration : IEntityTypeConfiguration<QuestionReport>
{
    public void Configure(EntityTypeBuilder<QuestionReport> b)
    {
        b.ToTable("question_reports", t =>
        {
            t.HasCheckConstraint("ck_question_reports_reason", EnumColumns.InList<ReportReason>("reason"));
            t.HasCheckConstraint("ck_question_reports_status", EnumColumns.InList<ReportStatus>("status"));
            t.HasCheckConstraint("ck_question_reports_resolved", "(status = 'open') = (resolved_at IS NULL)");
        });
        b.Property(r => r.Id).UseIdentityAlwaysColumn();
        b.Property(r => r.QuestionId).HasMaxLength(40);
        b.Property(r => r.Reason).HasEnumText();
        b.Property(r => r.Status).HasEnumText();
        b.Property(r => r.ResolvedBy).HasMaxLength(200);
        b.HasOne<Question>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Player>().WithMany().HasForeignKey(r => r.PlayerId).OnDelete(DeleteBehavior.Cascade);

        // A player reports a question once until a moderator decides; repeated taps change nothing.
        b.HasIndex(r => new { r.QuestionId, r.PlayerId }).IsUnique()
            .HasDatabaseName(QuestionReport.UniqueOpenPerPlayer).HasFilter("status = 'open'");
        b.HasIndex(r => new { r.Status, r.CreatedAt });
    }
}
