namespace Quiz.UnitTests.Architecture;

/// <summary>The cycle check itself must be able to fail.</summary>
public sealed class ModuleGraphTests
{
    [Fact]
    public void FindCycle_reports_a_cycle_between_modules()
    {
        var graph = new ModuleGraph
        {
            Modules = ["Economy", "Game", "Tournaments"],
            Edges = [("Tournaments", "Game"), ("Game", "Economy"), ("Economy", "Tournaments")],
        };

        var cycle = graph.FindCycle();

        Assert.NotNull(cycle);
        Assert.Equal(cycle[0], cycle[^1]);
        Assert.Equal(["Economy", "Game", "Tournaments"], cycle.Distinct().Order());
    }

    [Fact]
    public void FindCycle_accepts_a_layered_graph()
    {
        var graph = new ModuleGraph
        {
            Modules = ["Economy", "Game", "Questions", "Tournaments"],
            Edges = [("Tournaments", "Game"), ("Game", "Questions"), ("Game", "Economy"), ("Tournaments", "Economy")],
        };

        Assert.Null(graph.FindCycle());
    }

    [Theory]
    [InlineData("Game", "Tournaments")]
    [InlineData("Questions", "Game")]
    [InlineData("Economy", "Game")]
    public void IsAllowed_rejects_dependencies_against_the_module_direction(string from, string to) =>
        Assert.False(ModuleGraph.IsAllowed(from, to));
}
