using Quiz.TelegramSandbox;

var builder = WebApplication.CreateBuilder(args);
builder.AddSandboxServices();

var app = builder.Build();
app.MapSandbox();
app.Run();

/// <summary>Entry point; public so that tests can host the sandbox with WebApplicationFactory.</summary>
public partial class Program;
