namespace Quiz.EndToEndTests;

/// <summary>
/// The whole app model with two bot replicas behind DCP's one proxied endpoint (the sandbox's webhook reaches them
/// through it, round robin) and two workers in one Quartz cluster, on a database of its own (issue #13, item 6).
/// </summary>
public sealed class ScaledAppModelFixture() : AppModelFixture(botReplicas: 2, workerReplicas: 2);

[CollectionDefinition(Name)]
public sealed class ScaledAppModelCollection : ICollectionFixture<ScaledAppModelFixture>
{
    public const string Name = "app-model-scaled";
}
