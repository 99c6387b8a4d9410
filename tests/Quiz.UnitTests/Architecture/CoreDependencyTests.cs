using System.Reflection;
using NetArchTest.Rules;
using Quiz.Core.Data;

namespace Quiz.UnitTests.Architecture;

public sealed class CoreDependencyTests
{
    private static readonly Assembly Core = typeof(QuizDbContext).Assembly;

    [Theory]
    [InlineData("Telegram")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.AspNetCore.Components")]
    [InlineData("MudBlazor")]
    public void Core_references_no_ui_or_transport_assembly(string forbiddenPrefix)
    {
        var offending = Core.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => name.StartsWith(forbiddenPrefix, StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(offending);
    }

    [Theory]
    [InlineData("Telegram")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("MudBlazor")]
    public void Core_types_use_no_ui_or_transport_namespace(string forbiddenNamespace)
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOn(forbiddenNamespace).GetResult();

        Assert.True(result.IsSuccessful, $"Depend on {forbiddenNamespace}: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Core_modules_form_no_cycle_and_follow_the_allowed_direction()
    {
        var graph = ModuleGraph.Build(Core);
        Assert.Contains(("Game", "Players"), graph.Edges); // the scan sees real dependencies

        var cycle = graph.FindCycle();
        Assert.True(cycle is null, $"Namespace cycle in Quiz.Core: {string.Join(" -> ", cycle ?? [])}");

        var forbidden = graph.Edges.Where(e => !ModuleGraph.IsAllowed(e.From, e.To)).Select(e => $"{e.From} -> {e.To}").ToList();
        Assert.True(forbidden.Count == 0, $"Dependencies against PRODUCT.md §1: {string.Join(", ", forbidden)}");
    }
}
