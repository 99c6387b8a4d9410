using Microsoft.Extensions.DependencyInjection;

namespace Quiz.Core.Economy.Admin;

public static class EconomyAdministrationExtensions
{
    /// <summary>The console's shop and purchase use-cases; each opens its own short-lived context per call.</summary>
    public static IServiceCollection AddEconomyAdministration(this IServiceCollection services) =>
        services.AddSingleton<PackageAdministration>().AddSingleton<PurchaseSearch>();
}
