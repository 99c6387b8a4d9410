using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Questions;

public static class QuestionAdministrationExtensions
{
    /// <summary>The console's question use-cases; each opens its own short-lived context per call.</summary>
    public static IServiceCollection AddQuestionAdministration(this IServiceCollection services) =>
        services.AddSingleton<QuestionCatalog>().AddSingleton<QuestionImport>().AddSingleton<ReportModeration>();
}
