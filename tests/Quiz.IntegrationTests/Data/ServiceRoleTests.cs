using Microsoft.EntityFrameworkCore;
using Npgsql;
using Quiz.Core.Audit;
using Quiz.Core.Data;
using Quiz.IntegrationTests.Economy;
using Quiz.Testing;

namespace Quiz.IntegrationTests.Data;

/// <summary>
/// The services connect as a role of their own (<c>ConnectionStrings:quizdb</c>) that the migrator, as the schema's owner,
/// grants row access only (<see cref="ServiceRoleGrants"/>): whoever gets hold of a service's connection cannot change
/// the schema, truncate a table or take the ledger's append-only trigger away.
/// </summary>
public sealed class ServiceRoleTests(PostgresDatabase database) : CoreTests(database, new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero))
{
    [Theory]
    [InlineData("DROP TRIGGER tr_ledger_entries_append_only ON ledger_entries")]
    [InlineData("ALTER TABLE ledger_entries DISABLE TRIGGER tr_ledger_entries_append_only")]
    [InlineData("DROP FUNCTION ledger_entries_append_only()")]
    [InlineData("ALTER TABLE ledger_entries ADD COLUMN note text")]
    [InlineData("ALTER TABLE players DROP COLUMN created_at")]
    [InlineData("TRUNCATE ledger_entries CASCADE")]
    [InlineData("TRUNCATE outbox_messages")]
    [InlineData("DROP TABLE audit_entries")]
    [InlineData("CREATE TABLE stash (id int)")]
    [InlineData("CREATE TRIGGER tr_sneak BEFORE INSERT ON players FOR EACH ROW EXECUTE FUNCTION ledger_entries_append_only()")]
    [InlineData("UPDATE ledger_entries SET delta = 1000")]
    [InlineData("DELETE FROM ledger_entries")]
    [InlineData("UPDATE audit_entries SET actor = 'jemand'")]
    [InlineData("DELETE FROM __ef_migrations_history")]
    public async Task The_services_role_may_not_change_the_schema_truncate_or_rewrite_history(string statement)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(statement, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        await using var db = Database.CreateOwnerContext();
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
            "SELECT count(*)::int AS \"Value\" FROM pg_trigger WHERE tgname = 'tr_ledger_entries_append_only' AND tgenabled = 'O'").SingleAsync());
    }

    [Fact]
    public async Task The_services_role_reads_and_writes_rows_and_appends_to_the_ledger()
    {
        var kit = new EconomyKit(Core);
        var (player, telegram) = await kit.NewPlayerAsync();

        await kit.ConfirmAsync(EconomyKit.Payment(telegram, await kit.InvoiceAsync(player, "spiele-10")));
        var unpaid = await kit.InvoiceAsync(player, "spiele-10");

        await using var db = Database.CreateContext();
        Assert.Equal("quiz_app", await CurrentUserAsync(db));
        Assert.True(await db.LedgerEntries.AnyAsync(l => l.PlayerId == player));
        AuditLog.Record(db, "Anna Admin", AuditActions.RefundRequested, AuditLog.Purchase(Guid.NewGuid()), "Versehen", Time.GetUtcNow());
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Invoices.Where(i => i.Payload == unpaid.Payload).ExecuteDeleteAsync());
    }

    [Fact]
    public async Task The_migrator_takes_back_a_right_given_by_hand_and_grants_new_tables()
    {
        await using (var owner = Database.CreateOwnerContext())
        {
            await owner.Database.ExecuteSqlRawAsync("GRANT TRUNCATE ON outbox_messages TO quiz_app; CREATE TABLE added_later (id int)");
        }

        await using (var migrator = CoreServices.Create(Database.OwnerConnectionString))
        await using (var scope = migrator.Scope())
        {
            await scope.Get<DatabaseMigrator>().MigrateAsync(contentDirectory: null, ServiceRole.FromConnectionString(Database.ConnectionString));
        }

        await using var db = Database.CreateContext();
        var truncate = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE outbox_messages"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, truncate.SqlState);
        Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("INSERT INTO added_later VALUES (1)"));
    }

    private static Task<string> CurrentUserAsync(QuizDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync();
}
