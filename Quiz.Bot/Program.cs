using Quiz.Bot;
using Quiz.Bot.Transport;
using Quiz.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBotServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapTelegramWebhook();
app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
