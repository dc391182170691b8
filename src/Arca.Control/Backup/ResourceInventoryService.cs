using System.Text.RegularExpressions;
using Arca.Control.Backup.Internal;
using Arca.Control.Iam;
using Arca.Control.Identity;
using Arca.Control.Metadata;
using Arca.Control.Regions;
using Arca.Domain.Arns;
using Arca.Storage.Resources;

namespace Arca.Control.Backup;

/// <summary>
/// The account's resource inventory in a region (Arca's own API; AWS discovers resources, Arca is told about them):
/// RegisterResource, ListResources, DescribeResource, DeregisterResource. Tags go through TagResource/UntagResource
/// (<see cref="BackupTagService"/>). A resource is validated by its type before it is registered, so a directory
/// that does not exist or a database that does not answer is refused now, with the field named.
/// </summary>
/// <remarks>
/// Thread-safe. Actions are <c>arca:RegisterResource</c>, <c>arca:ListResources</c>, <c>arca:DescribeResource</c>,
/// <c>arca:DeregisterResource</c> on the resource's ARN. Connection strings are sealed with the region's master key
/// and come back only without their password; <see cref="GetDefinitionAsync"/> opens them for the job engine.
/// </remarks>
public sealed partial class ResourceInventoryService(RegionSet regions, Authorizer authorizer, BackupResourceTypes resourceTypes, PageTokens tokens, TimeProvider time)
{
    private ResourceTypeRegistry Types => resourceTypes.Registry;

    public async Task<InventoryResource> RegisterAsync(CallerIdentity caller, RegisterResourceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        (string type, ArcaResourceKind kind) = ValidType(request.Type);
        string name = request.Name ?? throw BackupErrors.Missing("Name");
        if (!NamePattern().IsMatch(name))
        {
            throw BackupErrors.InvalidParameterValue($"Name: '{Cut(name)}' must contain 1 to 128 alphanumeric or '-_.' characters");
        }

        ResourceDefinition definition = Definition(type, request);
        IReadOnlyDictionary<string, string> tags = TagRules.Validate(request.Tags, "Tags");
        string arn = Arn.ArcaResource(caller.Region, caller.AccountId, kind, name).ToString();
        await authorizer.AuthorizeAsync(caller, "arca:RegisterResource", arn, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await Types.Get(type).ValidateAsync(definition, cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceValidationException e)
        {
            throw BackupErrors.InvalidParameterValue(e.Message);
        }

        Region region = regions.Get(caller.Region);
        var document = new ResourceDocument
        {
            AccountId = caller.AccountId,
            ResourceArn = arn,
            ResourceType = type,
            ResourceName = name,
            Path = definition.Path,
            SealedConnectionString = definition.ConnectionString is { } cs ? new SecretSealer(region.MasterKey).Seal(cs, ResourceKinds.SealContext(arn)) : null,
            Tags = tags,
            CreationDate = time.GetUtcNow(),
        };
        bool inserted = await region.Store.TransactAsync(tx => BackupCollections.Resources.InsertAsync(tx, document), cancellationToken).ConfigureAwait(false);
        return inserted ? View(document, definition.ConnectionString) : throw BackupErrors.AlreadyExists($"Resource {arn} is already registered; deregister it first to change it");
    }

    /// <summary>The account's resources in the caller's region, by ARN; only those of <paramref name="resourceType"/> when given.</summary>
    public async Task<BackupPage<InventoryResource>> ListAsync(
        CallerIdentity caller, string? resourceType = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        string? type = resourceType is null ? null : ValidType(resourceType).Type;
        int limit = BackupPaging.Limit(maxResults);
        string scope = $"resources:{caller.AccountId}:{type}";
        string? after = BackupPaging.After(tokens, scope, nextToken);
        await authorizer.AuthorizeAsync(caller, "arca:ListResources", null, cancellationToken: cancellationToken).ConfigureAwait(false);
        Region region = regions.Get(caller.Region);
        IReadOnlyList<ResourceDocument> documents = await region.Store.TransactAsync(tx => BackupCollections.Resources.ListAsync(tx, new DocumentQuery
        {
            KeyPrefix = caller.AccountId + "/",
            I1 = caller.AccountId,
            I2 = type,
            AfterKey = after,
            Limit = limit + 1,
        }), cancellationToken).ConfigureAwait(false);
        return BackupPaging.Page(documents, limit, tokens, scope, BackupCollections.Resources.KeyOf, d => View(d, Open(region, d)));
    }

    public async Task<InventoryResource> DescribeAsync(CallerIdentity caller, string? resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Arn arn = await AuthorizeOnAsync(caller, "arca:DescribeResource", resourceArn, cancellationToken).ConfigureAwait(false);
        Region region = regions.Get(caller.Region);
        ResourceDocument document = await region.Store.TransactAsync(tx => RequireAsync(tx, caller, arn), cancellationToken).ConfigureAwait(false);
        return View(document, Open(region, document));
    }

    public async Task DeregisterAsync(CallerIdentity caller, string? resourceArn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        Arn arn = await AuthorizeOnAsync(caller, "arca:DeregisterResource", resourceArn, cancellationToken).ConfigureAwait(false);
        await regions.Get(caller.Region).Store.TransactAsync(async tx =>
        {
            ResourceDocument document = await RequireAsync(tx, caller, arn).ConfigureAwait(false);
            return await BackupCollections.Resources.DeleteAsync(tx, BackupCollections.Resources.KeyOf(document)).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>For the job engine: the resource and its definition with the connection string opened; null when not registered. No authorization.</summary>
    public async Task<(InventoryResource Resource, ResourceDefinition Definition)?> GetDefinitionAsync(
        string accountId, string region, string resourceArn, CancellationToken cancellationToken = default)
    {
        Region served = regions.Get(region);
        ResourceDocument? document = await served.Store.TransactAsync(
            tx => BackupCollections.Resources.GetAsync(tx, BackupCollections.ResourceKey(accountId, resourceArn)), cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            return null;
        }

        string? connectionString = Open(served, document);
        return (View(document, connectionString), new ResourceDefinition { Type = document.ResourceType, Path = document.Path, ConnectionString = connectionString });
    }

    /// <summary>For the scheduler: every resource of the account in the region, by ARN. No authorization.</summary>
    public async Task<IReadOnlyList<InventoryResource>> ListAllAsync(string accountId, string region, CancellationToken cancellationToken = default)
    {
        Region served = regions.Get(region);
        IReadOnlyList<ResourceDocument> documents = await served.Store.TransactAsync(
            tx => BackupCollections.Resources.ListAsync(tx, new DocumentQuery { KeyPrefix = accountId + "/", I1 = accountId }), cancellationToken).ConfigureAwait(false);
        return [.. documents.Select(d => View(d, Open(served, d)))];
    }

    /// <summary>The resource's ARN, checked, after authorizing <paramref name="action"/> on it (another account's resource is denied there).</summary>
    internal async Task<Arn> AuthorizeOnAsync(CallerIdentity caller, string action, string? resourceArn, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(resourceArn))
        {
            throw BackupErrors.Missing("ResourceArn");
        }

        if (!Arn.TryParse(resourceArn, out Arn? arn, out _) || arn.Kind != ArnKind.ArcaResource)
        {
            throw BackupErrors.InvalidParameterValue($"ResourceArn: '{Cut(resourceArn)}' is not the ARN of an Arca resource (arn:aws:arca:REGION:ACCOUNT:directory/NAME, sqlite/NAME or postgresql/NAME)");
        }

        await authorizer.AuthorizeAsync(caller, action, arn.ToString(), arn.Account, cancellationToken: cancellationToken).ConfigureAwait(false);
        return arn;
    }

    private static async Task<ResourceDocument> RequireAsync(IMetadataTransaction tx, CallerIdentity caller, Arn arn) =>
        (arn.Region == caller.Region
            ? await BackupCollections.Resources.GetAsync(tx, BackupCollections.ResourceKey(caller.AccountId, arn.ToString())).ConfigureAwait(false)
            : null)
        ?? throw BackupErrors.ResourceNotFound($"Resource {arn} is not registered in account {caller.AccountId} and region {caller.Region}");

    private static InventoryResource View(ResourceDocument d, string? connectionString) =>
        new(d.ResourceArn, d.ResourceType, d.ResourceName, d.Path, connectionString is null ? null : ResourceKinds.Redact(connectionString), d.Tags, d.CreationDate);

    private static string? Open(Region region, ResourceDocument d) =>
        d.SealedConnectionString is { } sealedText ? new SecretSealer(region.MasterKey).Unseal(sealedText, ResourceKinds.SealContext(d.ResourceArn)) : null;

    private static ResourceDefinition Definition(string type, RegisterResourceRequest request)
    {
        bool connection = ResourceKinds.UsesConnectionString(type);
        (string given, string wanted) = connection ? ("Path", "ConnectionString") : ("ConnectionString", "Path");
        if ((connection ? request.Path : request.ConnectionString) is not null)
        {
            throw BackupErrors.InvalidParameterValue($"{given}: a {type} resource is defined by {wanted}, not {given}");
        }

        return connection
            ? new ResourceDefinition { Type = type, ConnectionString = request.ConnectionString ?? throw BackupErrors.Missing("ConnectionString") }
            : new ResourceDefinition { Type = type, Path = request.Path ?? throw BackupErrors.Missing("Path") };
    }

    private (string Type, ArcaResourceKind Kind) ValidType(string? type)
    {
        if (type is null)
        {
            throw BackupErrors.Missing("Type");
        }

        return Types.TryGet(type, out _) && ResourceKinds.KindOf(type) is { } kind
            ? (type, kind)
            : throw BackupErrors.InvalidParameterValue($"Type: '{Cut(type)}' is not a resource type (expected one of {string.Join(", ", Types.Names)})");
    }

    private static string Cut(string text) => text.Length <= 64 ? text : text[..64] + "…";

    [GeneratedRegex(@"^[A-Za-z0-9\-_.]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
