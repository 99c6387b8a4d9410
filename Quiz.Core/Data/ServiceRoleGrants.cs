using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Quiz.Core.Data;

/// <summary>
/// What the services' role may do, set by the migrator (the schema's owner) after every migration, in one transaction:
/// everything is revoked and granted again, so a new table gets its grants and a grant given by hand is taken back.
/// Rows only: <c>SELECT, INSERT, UPDATE, DELETE</c> on the tables, <c>USAGE, SELECT</c> on the sequences; no
/// <c>TRUNCATE</c>, <c>REFERENCES</c> or <c>TRIGGER</c>, no <c>CREATE</c> in the schema (nobody but the owner may
/// create there). <c>ledger_entries</c> and <c>audit_entries</c> only take <c>INSERT</c> (their triggers refuse changes
/// as well), and the migrations history is read-only. Then it checks that the role cannot get round this (superuser,
/// owner of the database, member of the owner's role).
/// </summary>
internal static class ServiceRoleGrants
{
    private const string Grants = """
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        REVOKE ALL ON SCHEMA public FROM {0};
        GRANT USAGE ON SCHEMA public TO {0};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {0};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {0};
        REVOKE INSERT, UPDATE, DELETE ON __ef_migrations_history FROM {0};
        REVOKE UPDATE, DELETE ON ledger_entries, audit_entries FROM {0};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {0};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {0};
        """;

    /// <summary>Why a role would have more than its grants; empty when it has only those.</summary>
    private const string Loopholes = """
        SELECT concat_ws(', ',
          CASE WHEN r.rolsuper THEN 'a superuser' END,
          CASE WHEN r.rolcreaterole THEN 'allowed to create roles' END,
          CASE WHEN r.rolbypassrls THEN 'allowed to bypass row security' END,
          CASE WHEN d.datdba = r.oid THEN 'the owner of the database' END,
          CASE WHEN pg_has_role(r.oid, current_user, 'MEMBER') THEN 'a member of the schema owner''s role ' || quote_ident(current_user) END,
          CASE WHEN has_schema_privilege(r.oid, 'public', 'CREATE') THEN 'allowed to create in the schema' END,
          CASE WHEN EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid) THEN 'the owner of tables' END)
        FROM pg_roles r, pg_database d
        WHERE r.rolname = @role AND d.datname = current_database()
        """;

    public enum Outcome { Granted, Created, SameAsOwner }

    public static async Task<Outcome> ApplyAsync(QuizDbContext db, ServiceRole role, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (await ScalarAsync<string>(connection, "SELECT current_user", role, ct) == role.Name) return Outcome.SameAsOwner;

            var created = await EnsureExistsAsync(connection, role, ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var quoted = await ScalarAsync<string>(connection, "SELECT quote_ident(@role)", role, ct);
            await using (var grant = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, Grants, quoted), connection, transaction))
            {
                await grant.ExecuteNonQueryAsync(ct);
            }
            var loopholes = await ScalarAsync<string>(connection, Loopholes, role, ct);
            if (!string.IsNullOrEmpty(loopholes))
            {
                throw new InvalidOperationException(
                    $"The services' role '{role.Name}' is {loopholes}: it could change the schema. Connect the services with a role that has only the migrator's grants.");
            }
            await transaction.CommitAsync(ct);
            return created ? Outcome.Created : Outcome.Granted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A missing role is created (login, nothing else) if the owner may create roles and a password is known.</summary>
    private static async Task<bool> EnsureExistsAsync(NpgsqlConnection connection, ServiceRole role, CancellationToken ct)
    {
        if (await ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = @role)", role, ct)) return false;
        if (string.IsNullOrEmpty(role.Password))
        {
            throw new InvalidOperationException(
                $"The services' role '{role.Name}' does not exist. Create it (scripts/services.sh does), or give its password in the services' connection string and let the migrator's role create roles.");
        }
        await using var command = new NpgsqlCommand("SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', @role::text, @verifier::text)", connection);
        command.Parameters.AddWithValue("role", role.Name);
        command.Parameters.AddWithValue("verifier", ScramVerifier.Create(role.Password));
        var create = (string)(await command.ExecuteScalarAsync(ct))!;
        try
        {
            await using var run = new NpgsqlCommand(create, connection);
            await run.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                $"The services' role '{role.Name}' does not exist and the migrator's role may not create it. Create it (scripts/services.sh does).", ex);
        }
        return true;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, ServiceRole role, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (sql.Contains("@role", StringComparison.Ordinal)) command.Parameters.AddWithValue("role", role.Name);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}
