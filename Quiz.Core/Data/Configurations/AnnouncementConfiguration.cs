using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Announcements;

namespace Quiz.Core.Data.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("announcements", t =>
        {
            t.HasCheckConstraint("ck_announcements_state", EnumColumns.InList<AnnouncementState>("state"));
            t.HasCheckConstraint("ck_announcements_days", $"active_within_days IS NULL OR active_within_days BETWEEN 1 AND {Announcement.MaxActiveWithinDays}");
            t.HasCheckConstraint("ck_announcements_sending", "(state = 'draft') = (send_started_at IS NULL)");
            t.HasCheckConstraint("ck_announcements_canceled", "(state = 'canceled') = (canceled_at IS NOT NULL)");
            t.HasCheckConstraint("ck_announcements_counts", "recipients >= 0 AND queued >= 0 AND sent_count >= 0 AND failed_count >= 0 AND skipped_count >= 0");
        });
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.Text).HasMaxLength(Announcement.MaxSourceLength);
        b.Property(a => a.State).HasEnumText();
        b.Property(a => a.CreatedBy).HasMaxLength(200);
        b.Property(a => a.SentBy).HasMaxLength(200);
        b.Property(a => a.CanceledBy).HasMaxLength(200);
        b.HasIndex(a => a.CreatedAt);
    }
}
