using Arca.Api.Auth;
using Arca.Api.Edge;
using Arca.Api.Endpoints.Backup;
using Arca.Api.Endpoints.Iam;
using Arca.Api.Endpoints.Kms;
using Arca.Api.Endpoints.Layouts;
using Arca.Api.Endpoints.Organizations;
using Arca.Api.Endpoints.Sts;
using Arca.Api.Protocols;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Kms;
using Arca.Control.Organizations;
using Arca.Control.Sts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Arca.Api.Hosting;

/// <summary>
/// Assembles an <see cref="ArcaServer"/>: Kestrel on <see cref="ArcaServerOptions.Listen"/>, the control-plane
/// services, the protocols and their operations. Other services plug in here before <see cref="Build"/>:
/// register their control-plane types in <see cref="Services"/> (a later registration of
/// <see cref="IOrganizationMembership"/> replaces the default) and their operations on <see cref="Protocols"/>.
/// </summary>
public sealed class ArcaServerBuilder
{
    private readonly WebApplicationBuilder _web;

    internal ArcaServerBuilder(ArcaServerOptions options, ArcaControlPlane controlPlane)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(controlPlane);
        _web = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        _web.WebHost.UseUrls(options.Listen);
        _web.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // RequestBody enforces ArcaServerOptions.MaxRequestBodyBytes with an AWS-shaped error
        });
        _web.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.Hosting", LogLevel.Warning);
        Arca.WebConsole.WebConsoleSite.AddTo(_web.Services, options.Regions); // pages and assets under /console, ahead of the edge (docs/design/console.md)

        IServiceCollection services = _web.Services;
        services.AddOptions<ArcaServerOptions>().Configure(o => Copy(options, o)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ArcaServerOptions>, ArcaServerOptionsValidator>();
        AddControlPlane(services, controlPlane);
        BackupEndpoints.AddServices(services);
        VaultEndpoints.AddServices(services);
        services.AddSingleton(new SigV4Verifier());
        services.AddSingleton<AwsEdge>();
        services.AddHostedService<ExpiredSessionSweeper>();
        services.AddHostedService<KeyDeletionSweeper>();
        services.AddHostedService<VaultMaintenanceService>();

        Protocols = AwsProtocols.CreateDefault();
        services.AddSingleton(Protocols);
        StsEndpoints.Map(Protocols.Query("sts"));
        RoleEndpoints.Map(Protocols.Query("iam"));
        RolePolicyEndpoints.Map(Protocols.Query("iam"));
        OrganizationEndpoints.MapAll(Protocols.Json("organizations"));
        LayoutEndpoints.Map(Protocols.Json("organizations")); // ArcaLayouts.* (docs/design/layout.md §7)
        KmsEndpoints.Map(Protocols.Json("kms"));
        BackupEndpoints.Map(Protocols.Rest("backup"));
        GlobalSettingsEndpoints.Map(Protocols.Rest("backup"));
        VaultEndpoints.Map(Protocols.Rest("backup"));
    }

    /// <summary>The services of the server (control plane, edge); add or replace registrations before <see cref="Build"/>.</summary>
    public IServiceCollection Services => _web.Services;

    /// <summary>Logging providers and filters.</summary>
    public ILoggingBuilder Logging => _web.Logging;

    /// <summary>The services on the listener; register operations on them before <see cref="Build"/>.</summary>
    public AwsProtocols Protocols { get; }

    /// <summary>Builds the server; it listens once started.</summary>
    public ArcaServer Build()
    {
        WebApplication app = _web.Build();
        AwsEdge edge = app.Services.GetRequiredService<AwsEdge>();
        app.Run(http => HealthEndpoint.Matches(http.Request) ? HealthEndpoint.WriteAsync(http) : edge.HandleAsync(http));
        return new ArcaServer(app);
    }

    private static void AddControlPlane(IServiceCollection services, ArcaControlPlane controlPlane)
    {
        services.AddSingleton(controlPlane.Time);
        services.AddSingleton(controlPlane.GlobalStore);
        services.AddSingleton(controlPlane.Regions);
        services.AddSingleton(controlPlane.MasterKey);
        services.AddSingleton(controlPlane.PageTokens);
        services.AddSingleton(new SecretSealer(controlPlane.MasterKey));
        services.AddSingleton<IOrganizationMembership, OrganizationMembershipReader>();
        services.AddSingleton<OrganizationService>();
        services.AddSingleton<OrganizationalUnitService>();
        services.AddSingleton<AccountCreationService>();
        services.AddSingleton<OrganizationAccountService>();
        services.AddSingleton<ServiceAccessService>();
        services.AddSingleton<DelegatedAdministratorService>();
        services.AddSingleton<PolicyService>();
        services.AddSingleton<PolicyAttachmentService>();
        services.AddSingleton<PolicyTypeService>();
        services.AddSingleton<BackupPolicyService>();
        services.AddSingleton<BackupPolicyChangeFeed>();
        services.AddSingleton<IOrganizationTreeListener, BackupPolicyTreeListener>(); // tree changes → IBackupPolicyListener
        BackupPlanStatusEndpoints.AddServices(services); // the IBackupPolicyListener: materializer (hosted), status, opt-in seam
        LayoutEndpoints.AddServices(services); // arca apply/destroy: engine, service, reconciler (tree listener, hosted)
        GlobalSettingsEndpoints.AddServices(services);
        services.AddSingleton<AccountService>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<CallerResolver>();
        services.AddSingleton<Authorizer>();
        services.AddSingleton<RoleService>();
        services.AddSingleton<RolePolicyService>();
        services.AddSingleton<StsService>();
        services.AddSingleton<KeyService>();
        services.AddSingleton<KeyPolicyService>();
        services.AddSingleton<AliasService>();
        services.AddSingleton<KeyTagService>();
        services.AddSingleton<KmsCryptoService>();
        services.AddSingleton<KeyResolver>();
    }

    private static void Copy(ArcaServerOptions from, ArcaServerOptions to)
    {
        to.Listen = from.Listen;
        to.Regions = from.Regions;
        to.MaxRequestBodyBytes = from.MaxRequestBodyBytes;
    }
}
