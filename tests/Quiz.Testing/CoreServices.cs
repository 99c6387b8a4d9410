using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Quiz.Core;
using Quiz.Core.Data;
using Quiz.ServiceDefaults;

namespace Quiz.Testing;

/// <summary>
/// Core's services built from the very registrations a service uses (<c>AddQuizCore</c>), on one test
/// database: a test never <c>new</c>s a use-case, so a constructor change or a missing registration fails
/// here as it would in production. Singletons come from <see cref="Get{T}"/>; scoped use-cases (one context
/// and transaction each) from a <see cref="Scope"/>.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly ConcurrentBag<AsyncServiceScope> scopes = [];

    private CoreServices(ServiceProvider provider) => this.provider = provider;

    public IServiceProvider Services => provider;

    /// <param name="settings">Configuration as a service would read it (e.g. <c>Game:AnswerLimitSeconds</c>).</param>
    /// <param name="configure">Extra registrations after Core's (a replacement wins, as the last registration does).</param>
    public static CoreServices Create(
        string connectionString, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"ConnectionStrings:{QuizResources.Database}"] = connectionString });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddMetrics();
        if (time is not null) builder.Services.TryAddSingleton(time);
        builder.AddQuizCore(QuizResources.Database);
        configure?.Invoke(builder.Services);
        return new CoreServices(builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }));
    }

    /// <summary>A singleton (or transient) service.</summary>
    public T Get<T>() where T : notnull => provider.GetRequiredService<T>();

    /// <summary>A scope: its scoped use-cases share one <see cref="QuizDbContext"/>, as within one update.</summary>
    public CoreScope Scope() => new(provider.CreateAsyncScope());

    /// <summary>A scoped use-case in a fresh scope of its own (own context), disposed with this container.</summary>
    public T Scoped<T>() where T : notnull
    {
        var scope = provider.CreateAsyncScope();
        scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<T>();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes) await scope.DisposeAsync();
        await provider.DisposeAsync();
    }
}

public sealed class CoreScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public IServiceProvider Services => scope.ServiceProvider;

    public QuizDbContext Db => Get<QuizDbContext>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
