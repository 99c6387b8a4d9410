namespace Quiz.EndToEndTests;

/// <summary>One boot of the whole app model shared by every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class AppModelCollection : ICollectionFixture<AppModelFixture>
{
    public const string Name = "app-model";
}
