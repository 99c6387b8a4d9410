using Quiz.Bot;
using Quiz.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBotServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
