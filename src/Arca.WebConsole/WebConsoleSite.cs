using Arca.WebConsole.Internal;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Arca.WebConsole;

/// <summary>
/// The web console (docs/design/console.md): serves its pages, styles and scripts, embedded in this assembly, under
/// <see cref="PathPrefix"/> on the server's one listener, ahead of the AWS edge. Only <c>GET</c> and <c>HEAD</c> of
/// embedded files are answered, without authentication; every data call the pages make goes to the ordinary API
/// endpoints, SigV4-signed in the browser with the credentials the user signed in with.
/// </summary>
public static class WebConsoleSite
{
    /// <summary>Every console URL starts with this segment; no AWS operation's path does.</summary>
    public const string PathPrefix = "/console";

    /// <summary>Registers the console in <paramref name="services"/> (once; a second call changes nothing).</summary>
    /// <param name="services">The server's services.</param>
    /// <param name="regions">The regions the server serves, rendered into the page shell so the pages can offer them.</param>
    public static void AddTo(IServiceCollection services, IEnumerable<string> regions)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(regions);
        services.TryAddSingleton(new ConsoleAssets(regions));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStartupFilter, ConsoleStartupFilter>());
    }
}
