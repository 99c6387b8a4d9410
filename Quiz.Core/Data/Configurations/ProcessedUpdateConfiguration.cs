using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Messaging;

namespace Quiz.Core.Data.Configurations;

internal sealed class ProcessedUpdateConfiguration : IEntityTypeConfiguration<ProcessedUpdate>
{
    public void Configure(EntityTypeBuilder<ProcessedUpdate> b)
    {
        b.ToTable("processed_updates");
        b.HasKey(u => u.UpdateId);
        b.Property(u => u.UpdateId).ValueGeneratedNever();
        b.HasIndex(u => u.ReceivedAt);
    }
}
