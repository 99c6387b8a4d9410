using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Economy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "entitlements",
                columns: table => new
                {
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entitlements", x => new { x.player_id, x.kind });
                    table.CheckConstraint("ck_entitlements_kind", "kind IN ('gamecredit', 'extralife', 'joker', 'tournamentticket', 'premium')");
                    table.CheckConstraint("ck_entitlements_premium", "(kind = 'premium') OR valid_until IS NULL");
                    table.CheckConstraint("ck_entitlements_uses", "uses >= 0");
                    table.ForeignKey(
                        name: "fk_entitlements_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "packages",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    description = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    price_stars = table.Column<int>(type: "integer", nullable: false),
                    games = table.Column<int>(type: "integer", nullable: false),
                    extra_lives = table.Column<int>(type: "integer", nullable: false),
                    jokers = table.Column<int>(type: "integer", nullable: false),
                    tournament_tickets = table.Column<int>(type: "integer", nullable: false),
                    premium_days = table.Column<int>(type: "integer", nullable: false),
                    is_subscription = table.Column<bool>(type: "boolean", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_packages", x => x.id);
                    table.CheckConstraint("ck_packages_contents", "games >= 0 AND extra_lives >= 0 AND jokers >= 0 AND tournament_tickets >= 0 AND premium_days >= 0 AND games + extra_lives + jokers + tournament_tickets + premium_days > 0");
                    table.CheckConstraint("ck_packages_id_slug", "id ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_packages_price", "price_stars BETWEEN 1 AND 10000");
                    table.CheckConstraint("ck_packages_subscription", "NOT is_subscription OR premium_days = 30");
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    payload = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    package_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    title = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    price_stars = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    games = table.Column<int>(type: "integer", nullable: false),
                    extra_lives = table.Column<int>(type: "integer", nullable: false),
                    jokers = table.Column<int>(type: "integer", nullable: false),
                    tournament_tickets = table.Column<int>(type: "integer", nullable: false),
                    premium_days = table.Column<int>(type: "integer", nullable: false),
                    is_subscription = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invoices", x => x.id);
                    table.CheckConstraint("ck_invoices_currency", "currency = 'XTR'");
                    table.CheckConstraint("ck_invoices_expiry", "expires_at > created_at");
                    table.CheckConstraint("ck_invoices_payload", "octet_length(payload) BETWEEN 1 AND 128");
                    table.CheckConstraint("ck_invoices_price", "price_stars > 0");
                    table.ForeignKey(
                        name: "fk_invoices_packages_package_id",
                        column: x => x.package_id,
                        principalTable: "packages",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_invoices_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "purchases",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: true),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    package_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    amount_stars = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    telegram_payment_charge_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    provider_payment_charge_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_recurring = table.Column<bool>(type: "boolean", nullable: false),
                    subscription_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    flag_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refund_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    refund_requested_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    refund_requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    refunded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_purchases", x => x.id);
                    table.CheckConstraint("ck_purchases_amount", "amount_stars > 0");
                    table.CheckConstraint("ck_purchases_flagged", "(status = 'flagged') = (flag_reason IS NOT NULL)");
                    table.CheckConstraint("ck_purchases_refunded", "(status = 'refunded') = (refunded_at IS NOT NULL)");
                    table.CheckConstraint("ck_purchases_status", "status IN ('completed', 'flagged', 'refundrequested', 'refunded')");
                    table.ForeignKey(
                        name: "fk_purchases_invoices_invoice_id",
                        column: x => x.invoice_id,
                        principalTable: "invoices",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_purchases_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ledger_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    player_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    delta = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    purchase_id = table.Column<Guid>(type: "uuid", nullable: true),
                    session_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ledger_entries", x => x.id);
                    table.CheckConstraint("ck_ledger_entries_delta", "delta <> 0");
                    table.CheckConstraint("ck_ledger_entries_kind", "kind IN ('gamecredit', 'extralife', 'joker', 'tournamentticket', 'premium')");
                    table.CheckConstraint("ck_ledger_entries_reason", "reason IN ('purchase', 'consumption', 'refund', 'reward', 'adjustment')");
                    table.CheckConstraint("ck_ledger_entries_sign", "(reason IN ('purchase', 'reward') AND delta > 0) OR (reason IN ('consumption', 'refund') AND delta < 0) OR reason = 'adjustment'");
                    table.ForeignKey(
                        name: "fk_ledger_entries_players_player_id",
                        column: x => x.player_id,
                        principalTable: "players",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_ledger_entries_purchases_purchase_id",
                        column: x => x.purchase_id,
                        principalTable: "purchases",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_invoices_package_id",
                table: "invoices",
                column: "package_id");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_payload",
                table: "invoices",
                column: "payload",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_invoices_player_id_created_at",
                table: "invoices",
                columns: new[] { "player_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_player_id_kind",
                table: "ledger_entries",
                columns: new[] { "player_id", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_ledger_entries_purchase_id",
                table: "ledger_entries",
                column: "purchase_id");

            migrationBuilder.CreateIndex(
                name: "ux_ledger_entries_idempotency_key",
                table: "ledger_entries",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_purchases_invoice_id",
                table: "purchases",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_purchases_player_id_created_at",
                table: "purchases",
                columns: new[] { "player_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_purchases_status",
                table: "purchases",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ux_purchases_telegram_payment_charge_id",
                table: "purchases",
                column: "telegram_payment_charge_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "entitlements");

            migrationBuilder.DropTable(
                name: "ledger_entries");

            migrationBuilder.DropTable(
                name: "purchases");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropTable(
                name: "packages");
        }
    }
}
