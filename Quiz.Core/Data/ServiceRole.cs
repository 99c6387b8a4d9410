using Npgsql;

namespace Quiz.Core.Data;

/// <summary>
/// The PostgreSQL role the bot, the worker and the console connect as (<c>ConnectionStrings:quizdb</c>): it reads and
/// writes rows and owns nothing, so it cannot drop a trigger, alter or truncate a table or create one. The migrator,
/// connected as the schema's owner, grants it exactly that after every migration (<see cref="ServiceRoleGrants"/>).
/// </summary>
/// <param name="Password">Only used to create the role when it does not exist yet and the owner may create roles.</param>
public sealed record ServiceRole(string Name, string? Password)
{
    /// <summary>The role named by the services' connection string.</summary>
    public static ServiceRole FromConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.Username))
        {
            throw new InvalidOperationException("The services' connection string names no user (Username=…), so the migrator cannot grant it anything.");
        }
        return new ServiceRole(builder.Username, builder.Password);
    }

    /// <summary>Never the password (a record would print it).</summary>
    public override string ToString() => Name;
}
