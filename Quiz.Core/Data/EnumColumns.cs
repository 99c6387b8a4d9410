using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Quiz.Core.Data;

/// <summary>Enums are stored as lower-case text, guarded by a check constraint listing every value.</summary>
internal static class EnumColumns
{
    public static string ToColumn<TEnum>(TEnum value) where TEnum : struct, Enum =>
        value.ToString().ToLowerInvariant();

    public static PropertyBuilder<TEnum> HasEnumText<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property
            .HasConversion(v => v.ToString().ToLowerInvariant(), s => Enum.Parse<TEnum>(s, true))
            .HasMaxLength(32);

    public static PropertyBuilder<TEnum?> HasEnumText<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property
            .HasConversion(v => v.HasValue ? v.Value.ToString().ToLowerInvariant() : null, s => s == null ? null : Enum.Parse<TEnum>(s, true))
            .HasMaxLength(32);

    /// <summary>SQL check like <c>state IN ('active','paused')</c>.</summary>
    public static string InList<TEnum>(string column) where TEnum : struct, Enum =>
        $"{column} IN ({string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"'{ToColumn(v)}'"))})";
}
