using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Questions;

public static class QuestionsModule
{
    /// <summary>
    /// Content import (migrator, console) and the console's question use-cases; the console's use-cases open
    /// their own short-lived context per call, the importer works in the caller's scope.
    /// </summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services) =>
        services.AddScoped<QuestionContentImporter>()
            .AddSingleton<QuestionCatalog>().AddSingleton<QuestionImport>().AddSingleton<ReportModeration>();
}
