using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <summary>
    /// Flagged purchases store a stable reason code (<see cref="Quiz.Core.Economy.PurchaseFlags"/>) that the console
    /// words in German, instead of an English sentence; the rows flagged so far get their code.
    /// </summary>
    public partial class PurchaseFlagCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE purchases SET flag_reason = CASE
                    WHEN flag_reason = 'unknown invoice payload' THEN 'unknown_invoice'
                    WHEN flag_reason = 'paid by another player' THEN 'other_payer'
                    WHEN flag_reason = 'renewal without an active subscription' THEN 'renewal_without_subscription'
                    WHEN flag_reason = 'invoice already paid' THEN 'already_paid'
                    WHEN flag_reason = 'invoice expired' THEN 'expired'
                    WHEN flag_reason ~ '^currency \S+ instead of \S+$' THEN regexp_replace(flag_reason, '^currency (\S+) instead of (\S+)$', 'currency:\1:\2')
                    WHEN flag_reason ~ '^amount \d+ instead of \d+$' THEN regexp_replace(flag_reason, '^amount (\d+) instead of (\d+)$', 'amount:\1:\2')
                    ELSE flag_reason END
                WHERE flag_reason IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
