using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Audit;
using Quiz.Core.Features;

namespace Quiz.Core.Data.Configurations;

internal sealed class FeatureSwitchConfiguration : IEntityTypeConfiguration<FeatureSwitch>
{
    private static readonly DateTimeOffset Seeded = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    public void Configure(EntityTypeBuilder<FeatureSwitch> b)
    {
        var keys = string.Join(", ", FeatureKeys.All.Select(f => $"'{FeatureKeys.Key(f)}'"));
        b.ToTable("feature_switches", t => t.HasCheckConstraint("ck_feature_switches_key", $"key IN ({keys})"));
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(32);
        b.Property(s => s.ChangedBy).HasMaxLength(200);
        b.HasData(FeatureKeys.All.Select(f => new FeatureSwitch { Key = FeatureKeys.Key(f), IsOn = FeatureKeys.DefaultOn(f), ChangedAt = Seeded, ChangedBy = AuditActors.Seed }));
    }
}
