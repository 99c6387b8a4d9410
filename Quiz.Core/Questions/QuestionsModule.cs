using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quiz.Core.Questions.Stats;

namespace Quiz.Core.Questions;

public static class QuestionsModule
{
    /// <summary>
    /// Content import (migrator, console) and the console's question use-cases; the console's use-cases open
    /// their own short-lived context per call, the importer works in the caller's scope. The statistics job
    /// (<see cref="QuestionStatsRun"/>) with its <see cref="CalibrationOptions"/>, validated when the host starts.
    /// </summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddOptions<CalibrationOptions>().BindConfiguration(CalibrationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CalibrationOptions>, CalibrationOptionsValidator>();
        return services.AddScoped<QuestionContentImporter>()
            .AddSingleton<QuestionCatalog>().AddSingleton<QuestionImport>().AddSingleton<ReportModeration>().AddSingleton<QuestionStatsRun>();
    }
}
