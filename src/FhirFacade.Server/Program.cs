var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>Entry point; partial so that integration tests can start it with WebApplicationFactory.</summary>
public partial class Program
{
}
