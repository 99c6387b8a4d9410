using Quiz.Admin;
using Quiz.Admin.Api;
using Quiz.Admin.Audit;
using Quiz.Admin.Auth;
using Quiz.Admin.Components;
using Quiz.Core;
using Quiz.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddQuizCore(QuizResources.Database);
builder.AddQuizRedis();
builder.AddAdminServices();

var app = builder.Build();

app.UseAdminPipeline();
app.MapDefaultEndpoints();
app.MapAdminApi();
app.MapAdminAccount();
app.MapAuditExport();
app.MapStaticAssets().AllowAnonymous();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
