using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quiz.Core.Features;
using Quiz.Testing;
using StackExchange.Redis;

namespace Quiz.IntegrationTests.Features;

/// <summary>
/// Two replicas in one process, each with its own services and snapshot, on the same database and Redis: a change made
/// through one reaches the other's memory by the Redis signal (the periodic read set far beyond the wait), and without a
/// signal by the periodic read. Polled with a bound, never timed.
/// </summary>
public sealed class FeaturePropagationTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly List<(CoreServices Core, IHostedService Refresher)> replicas = [];
    private ConnectionMultiplexer? redis;

    public async Task InitializeAsync() => redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);

    public async Task DisposeAsync()
    {
        foreach (var (core, refresher) in replicas)
        {
            await refresher.StopAsync(CancellationToken.None);
            await core.DisposeAsync();
        }
        if (redis is not null) await redis.DisposeAsync();
    }

    private async Task<CoreServices> ReplicaAsync(bool signal, int reloadSeconds)
    {
        var core = database.Core(settings: new Dictionary<string, string?> { ["Features:ReloadSeconds"] = $"{reloadSeconds}" }, configure: services =>
        {
            services.AddSingleton<IConnectionMultiplexer>(redis!);
            if (signal) services.AddFeatureSignalOverRedis();
            services.AddFeatureRefresh();
        });
        var refresher = core.Get<FeatureRefresher>();
        await refresher.StartAsync(CancellationToken.None);
        replicas.Add((core, refresher));
        return core;
    }

    private static async Task EventuallyAsync(Func<bool> holds)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!holds())
        {
            Assert.True(DateTime.UtcNow < deadline, "The other replica did not see the change.");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_change_reaches_the_other_replicas_memory_by_the_redis_signal()
    {
        var console = await ReplicaAsync(signal: true, reloadSeconds: 300);
        var bot = await ReplicaAsync(signal: true, reloadSeconds: 300);
        Assert.False(bot.Get<FeatureSnapshot>().Current.Maintenance);

        await console.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Maintenance] = true }, "Anna Admin");
        await EventuallyAsync(() => bot.Get<FeatureSnapshot>().Current.Maintenance);

        await console.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Maintenance] = false, [Feature.Survival] = false }, "Anna Admin");
        await EventuallyAsync(() => !bot.Get<FeatureSnapshot>().Current.Maintenance && !bot.Get<FeatureSnapshot>().Current.Open(Feature.Survival));
    }

    [Fact]
    public async Task A_change_made_while_a_replica_subscribes_is_not_missed()
    {
        // The replica has read the switches at its start; its subscription completes only after a change was signalled to nobody.
        var late = new LateSignal();
        var bot = database.Core(settings: new Dictionary<string, string?> { ["Features:ReloadSeconds"] = "300" }, configure: services =>
        {
            services.AddFeatureRefresh();
            services.AddSingleton<IFeatureSignal>(late);
        });
        var refresher = bot.Get<FeatureRefresher>();
        await refresher.StartAsync(CancellationToken.None);
        replicas.Add((bot, refresher));
        var console = await ReplicaAsync(signal: false, reloadSeconds: 300);
        var open = bot.Get<FeatureSnapshot>().Current.Open(Feature.Duels);

        await console.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Duels] = !open }, "Anna Admin");
        late.Subscribed.SetResult();

        // Before: the replica kept its start's read until the periodic read, 5 minutes later.
        await EventuallyAsync(() => bot.Get<FeatureSnapshot>().Current.Open(Feature.Duels) != open);
    }

    /// <summary>A signal whose subscription completes when the test says so; it never signals.</summary>
    private sealed class LateSignal : IFeatureSignal, IAsyncDisposable
    {
        public TaskCompletionSource Subscribed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PublishAsync(CancellationToken ct) => Task.CompletedTask;

        public async Task<IAsyncDisposable> SubscribeAsync(Action changed, CancellationToken ct)
        {
            await Subscribed.Task.WaitAsync(ct);
            return this;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Without_a_signal_the_periodic_read_still_brings_the_change()
    {
        var console = await ReplicaAsync(signal: false, reloadSeconds: 300);
        var bot = await ReplicaAsync(signal: false, reloadSeconds: 1);

        await console.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Tournaments] = false }, "Anna Admin");
        await EventuallyAsync(() => !bot.Get<FeatureSnapshot>().Current.Open(Feature.Tournaments));

        await console.Get<FeatureSwitches>().ChangeAsync(new Dictionary<Feature, bool> { [Feature.Tournaments] = true }, "Anna Admin");
        await EventuallyAsync(() => bot.Get<FeatureSnapshot>().Current.Open(Feature.Tournaments));
    }
}
