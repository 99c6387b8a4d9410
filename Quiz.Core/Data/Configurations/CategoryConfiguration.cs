using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Questions;

namespace Quiz.Core.Data.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> b)
    {
        b.ToTable("categories", t => t.HasCheckConstraint("ck_categories_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'"));
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(60);
        b.HasIndex(c => c.Name).IsUnique();
    }
}
