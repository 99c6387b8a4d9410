using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quiz.Admin;
using Quiz.Bot;
using Quiz.Core;
using Quiz.ServiceDefaults;
using Quiz.Testing;
using Quiz.Worker;

namespace Quiz.DeploymentTests;

/// <summary>
/// Builds a service's host exactly as its Program does, in Production, from nothing but the settings given (no
/// environment variables of the test run, no user secrets) and the service's own appsettings.json, then runs every
/// validation the service runs at start (ValidateOnStart: its option classes' attributes and validators).
/// </summary>
internal static class ServiceHosts
{
    public static readonly string[] Services = [QuizResources.Bot, QuizResources.Worker, QuizResources.Admin];

    public static void Validate(string service, IReadOnlyDictionary<string, string> settings)
    {
        var project = service switch
        {
            QuizResources.Bot => "Quiz.Bot",
            QuizResources.Worker => "Quiz.Worker",
            QuizResources.Admin => "Quiz.Admin",
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ApplicationName = project,
            ContentRootPath = Path.Combine(TestEnvironment.RepositoryRoot(), project),
        });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddJsonFile(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)));

        builder.AddServiceDefaults();
        switch (service)
        {
            case QuizResources.Bot:
                builder.AddBotServices();
                break;
            case QuizResources.Worker:
                builder.AddWorkerServices();
                break;
            default:
                builder.AddQuizCore(QuizResources.Database);
                builder.AddQuizRedis();
                builder.AddAdminServices();
                break;
        }
        using var app = builder.Build();
        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>Runs deploy/init-secrets.sh in a scratch copy of deploy/ and returns its secrets directory.</summary>
    public static string InitSecrets()
    {
        var scratch = Directory.CreateTempSubdirectory("quiz-deploy-").FullName;
        File.Copy(Path.Combine(ComposeFile.DeployDirectory, "init-secrets.sh"), Path.Combine(scratch, "init-secrets.sh"));
        var start = new ProcessStartInfo("bash", [Path.Combine(scratch, "init-secrets.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["BOT_TOKEN"] = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);
        return Path.Combine(scratch, "secrets");
    }
}
