using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.WebConsole.Internal;

/// <summary>Puts <see cref="ConsoleMiddleware"/> first in the pipeline, before whatever the host itself configures.</summary>
internal sealed class ConsoleStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        ConsoleAssets assets = app.ApplicationServices.GetRequiredService<ConsoleAssets>();
        app.Use(following => new ConsoleMiddleware(following, assets).InvokeAsync);
        next(app);
    };
}
