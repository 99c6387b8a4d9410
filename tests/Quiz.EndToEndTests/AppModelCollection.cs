// One app model at a time: the scaled one (2 bots, 2 workers) and the plain one together open more connections than
// PostgreSQL's default 100 and share two cores, so the collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Quiz.EndToEndTests;

/// <summary>One boot of the whole app model shared by every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class AppModelCollection : ICollectionFixture<AppModelFixture>
{
    public const string Name = "app-model";
}
