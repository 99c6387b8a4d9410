using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Quiz.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The ledger explains every holding: like audit_entries, the database refuses to change or delete a row.
            migrationBuilder.Sql("""
                CREATE FUNCTION ledger_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'ledger_entries is append-only (% refused)', TG_OP;
                END $$;
                CREATE TRIGGER tr_ledger_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entries
                  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS tr_ledger_entries_append_only ON ledger_entries; DROP FUNCTION IF EXISTS ledger_entries_append_only();");
        }
    }
}
