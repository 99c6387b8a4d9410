using System.Text.Json.Nodes;
using Quiz.TelegramSandbox.BotApi;
using Quiz.TelegramSandbox.Tests.Infrastructure;

namespace Quiz.TelegramSandbox.Tests;

/// <summary>The sandbox against the Bot API 10.1 specification: what it reads, what it enforces, what it returns.</summary>
public sealed class SpecConformanceTests
{
    private static readonly BotApiSpec Spec = BotApiSpec.Load();

    [Fact]
    public void Every_served_method_and_parameter_exists_in_the_spec_with_the_same_requiredness()
    {
        var problems = new List<string>();
        foreach (var method in BotMethodTable.All)
        {
            var spec = Spec.Method(method.Name);
            if (spec is null)
            {
                problems.Add($"{method.Name}: not in the spec");
                continue;
            }

            var fields = BotApiSpec.Fields(spec).ToDictionary(f => f["name"]!.GetValue<string>(), f => f["required"]!.GetValue<bool>());
            foreach (var parameter in method.Parameters)
            {
                if (!fields.TryGetValue(parameter.Name, out var required))
                {
                    problems.Add($"{method.Name}.{parameter.Name}: not in the spec");
                }
                else if (required != parameter.Required)
                {
                    problems.Add($"{method.Name}.{parameter.Name}: required is {required} in the spec");
                }
            }

            problems.AddRange(fields.Where(f => f.Value && !method.Declares(f.Key)).Select(f => $"{method.Name}.{f.Key}: required but not read"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_required_parameter_is_enforced()
    {
        await using var sandbox = SandboxHost.Start();
        var problems = new List<string>();
        foreach (var method in BotMethodTable.All)
        {
            foreach (var missing in method.Required)
            {
                var parameters = method.Required.Where(p => p != missing).ToDictionary(p => p.Name, _ => (object)"1");
                var reply = await sandbox.Bot.CallAsync(method.Name, parameters);
                var expected = ErrorTexts.Missing(missing.Name);
                if (reply.Ok || (int)reply.Status != expected.ErrorCode || reply.Description != expected.Description)
                {
                    problems.Add($"{method.Name} without {missing.Name}: {reply.Body.ToJsonString()}");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_result_uses_only_fields_the_spec_defines()
    {
        await using var sandbox = SandboxHost.Start();
        var results = await SampleScenario.RunAsync(sandbox);
        var problems = results.SelectMany(r => Spec.Check(r.Result, Spec.Returns(r.Method), r.Method)).ToList();

        Assert.Empty(problems);
        Assert.Equal(BotMethodTable.All.Select(m => m.Name).Order(), results.Select(r => r.Method).Distinct().Order());
        var updates = results.Where(r => r.Method == "getUpdates").SelectMany(r => r.Result.AsArray()).Select(u => u!.AsObject()).ToList();
        Assert.All(["message", "callback_query", "pre_checkout_query", "my_chat_member"], type => Assert.Contains(updates, u => u.ContainsKey(type)));
        Assert.Contains(updates, u => u["message"]?["successful_payment"] is not null);
        Assert.Contains(updates, u => u["message"]?["refunded_payment"] is not null);
    }

    [Fact]
    public void Spec_checker_rejects_unknown_fields_and_missing_required_ones()
    {
        var bad = JsonNode.Parse("""{"message_id":1,"chat":{"id":1,"type":"private"},"date":1,"from_bot":true}""");
        var incomplete = JsonNode.Parse("""{"message_id":1,"date":1}""");
        Assert.Contains(Spec.Check(bad, ["Message"], "m"), p => p.Contains("from_bot", StringComparison.Ordinal));
        Assert.Contains(Spec.Check(incomplete, ["Message"], "m"), p => p.Contains("chat", StringComparison.Ordinal));
    }
}
