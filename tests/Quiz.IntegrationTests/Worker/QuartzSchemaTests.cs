using Microsoft.EntityFrameworkCore;
using Quartz;
using Quiz.Testing;
using Quiz.Worker;

namespace Quiz.IntegrationTests.Worker;

/// <summary>
/// The Quartz tables come from the migrator (migration <c>QuartzSchema</c>); the worker, connected as the services' role
/// that may not create a table, only validates them when its scheduler starts.
/// </summary>
public sealed class QuartzSchemaTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task After_migration_alone_the_worker_store_starts_as_the_services_role()
    {
        await using (var db = database.CreateContext())
        {
            var tables = await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'qrtz\\_%'").SingleAsync();
            Assert.Equal(15, tables);
        }

        var scheduler = await QuartzSchedulerBuilder.Create(q => q.UseQuizClusteredStore(database.ConnectionString)).BuildScheduler();
        try
        {
            await scheduler.Start();

            await using var db = database.CreateContext();
            Assert.Equal(1, await db.Database.SqlQueryRaw<int>(
                "SELECT count(*)::int AS \"Value\" FROM qrtz_scheduler_state WHERE sched_name = {0}", QuartzConfiguration.SchedulerName).SingleAsync());
        }
        finally
        {
            await scheduler.Shutdown();
        }
    }
}
