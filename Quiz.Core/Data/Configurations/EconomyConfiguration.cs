using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Quiz.Core.Economy;
using Quiz.Core.Players;

namespace Quiz.Core.Data.Configurations;

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    private const string ContentsValid = "games >= 0 AND extra_lives >= 0 AND jokers >= 0 AND tournament_tickets >= 0 AND premium_days >= 0"
        + " AND games + extra_lives + jokers + tournament_tickets + premium_days > 0";

    public void Configure(EntityTypeBuilder<Package> b)
    {
        b.ToTable("packages", t =>
        {
            t.HasCheckConstraint("ck_packages_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_packages_price", "price_stars BETWEEN 1 AND 10000");
            t.HasCheckConstraint("ck_packages_contents", ContentsValid);
            t.HasCheckConstraint("ck_packages_subscription", "NOT is_subscription OR premium_days = 30");
        });
        b.Property(p => p.Id).HasMaxLength(40);
        b.Property(p => p.Title).HasMaxLength(32);
        b.Property(p => p.Description).HasMaxLength(255);
        b.ComplexProperty(p => p.Contents, ContentsColumns.Map);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> b)
    {
        b.ToTable("invoices", t =>
        {
            t.HasCheckConstraint("ck_invoices_payload", "octet_length(payload) BETWEEN 1 AND 128");
            t.HasCheckConstraint("ck_invoices_price", "price_stars > 0");
            t.HasCheckConstraint("ck_invoices_currency", "currency = 'XTR'");
            t.HasCheckConstraint("ck_invoices_expiry", "expires_at > created_at");
        });
        b.Property(i => i.Id).ValueGeneratedNever();
        b.Property(i => i.Payload).HasMaxLength(Invoice.MaxPayloadBytes);
        b.Property(i => i.PackageId).HasMaxLength(40);
        b.Property(i => i.Title).HasMaxLength(32);
        b.Property(i => i.Currency).HasMaxLength(3);
        b.ComplexProperty(i => i.Contents, ContentsColumns.Map);
        b.HasIndex(i => i.Payload).IsUnique();
        b.HasIndex(i => new { i.PlayerId, i.CreatedAt });
        b.HasOne<Player>().WithMany().HasForeignKey(i => i.PlayerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Package>().WithMany().HasForeignKey(i => i.PackageId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("purchases", t =>
        {
            t.HasCheckConstraint("ck_purchases_status", EnumColumns.InList<PurchaseStatus>("status"));
            t.HasCheckConstraint("ck_purchases_amount", "amount_stars > 0");
            // A flagged payment keeps its reason through the refund that follows it.
            t.HasCheckConstraint("ck_purchases_flagged", "status <> 'flagged' OR flag_reason IS NOT NULL");
            t.HasCheckConstraint("ck_purchases_refunded", "(status = 'refunded') = (refunded_at IS NOT NULL)");
            // Telegram's refusal is on record exactly while the refund stands failed; only a failed refund can be resolved.
            t.HasCheckConstraint("ck_purchases_refund_failed", "(status = 'refundfailed') = (refund_failed_at IS NOT NULL AND refund_failure IS NOT NULL)");
            t.HasCheckConstraint("ck_purchases_refund_failure_resolved", "refund_failure_resolved_at IS NULL OR status = 'refundfailed'");
            t.HasCheckConstraint("ck_purchases_refund_attempt", "refund_attempt >= 0");
        });
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.PackageId).HasMaxLength(40);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.TelegramPaymentChargeId).HasMaxLength(200);
        b.Property(p => p.ProviderPaymentChargeId).HasMaxLength(200);
        b.Property(p => p.Status).HasEnumText();
        b.Property(p => p.FlagReason).HasMaxLength(200);
        b.Property(p => p.RefundReason).HasMaxLength(500);
        b.Property(p => p.RefundRequestedBy).HasMaxLength(200);
        b.Property(p => p.RefundFailure).HasMaxLength(Refunds.MaxFailureLength);
        b.Property(p => p.RefundFailureResolvedBy).HasMaxLength(200);

        // Telegram's charge id is the payment's identity: a redelivered successful_payment cannot create a second purchase.
        b.HasIndex(p => p.TelegramPaymentChargeId).IsUnique().HasDatabaseName(Purchase.UniqueCharge);
        b.HasIndex(p => new { p.PlayerId, p.CreatedAt });
        b.HasIndex(p => p.Status);

        // Reconciliation asks only for the purchases Telegram has not listed (yet): these stay small.
        b.HasIndex(p => p.CreatedAt).HasFilter("telegram_listed_at IS NULL").HasDatabaseName("ix_purchases_not_listed");
        b.HasIndex(p => p.RefundedAt).HasFilter("status = 'refunded' AND telegram_refund_listed_at IS NULL").HasDatabaseName("ix_purchases_refund_not_listed");
        b.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Player>().WithMany().HasForeignKey(p => p.PlayerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EntitlementConfiguration : IEntityTypeConfiguration<Entitlement>
{
    public void Configure(EntityTypeBuilder<Entitlement> b)
    {
        b.ToTable("entitlements", t =>
        {
            t.HasCheckConstraint("ck_entitlements_kind", EnumColumns.InList<AssetKind>("kind"));
            t.HasCheckConstraint("ck_entitlements_uses", "uses >= 0");
            t.HasCheckConstraint("ck_entitlements_premium", "(kind = 'premium') OR valid_until IS NULL");
        });
        b.HasKey(e => new { e.PlayerId, e.Kind });
        b.Property(e => e.Kind).HasEnumText();
        b.HasOne<Player>().WithMany().HasForeignKey(e => e.PlayerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries", t =>
        {
            t.HasCheckConstraint("ck_ledger_entries_kind", EnumColumns.InList<AssetKind>("kind"));
            t.HasCheckConstraint("ck_ledger_entries_reason", EnumColumns.InList<LedgerReason>("reason"));
            t.HasCheckConstraint("ck_ledger_entries_delta", "delta <> 0");
            t.HasCheckConstraint("ck_ledger_entries_sign", "(reason IN ('purchase', 'reward', 'returned') AND delta > 0) OR (reason IN ('consumption', 'refund') AND delta < 0) OR reason = 'adjustment'");
        });
        b.Property(l => l.Id).UseIdentityAlwaysColumn();
        b.Property(l => l.Kind).HasEnumText();
        b.Property(l => l.Reason).HasEnumText();
        b.Property(l => l.IdempotencyKey).HasMaxLength(200);
        b.HasIndex(l => l.IdempotencyKey).IsUnique().HasDatabaseName(LedgerEntry.UniqueKey);
        b.HasIndex(l => new { l.PlayerId, l.Kind });
        b.HasIndex(l => l.PurchaseId);
        b.HasOne<Player>().WithMany().HasForeignKey(l => l.PlayerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Purchase>().WithMany().HasForeignKey(l => l.PurchaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
