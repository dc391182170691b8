using System.Globalization;
using Arca.Api.Protocols.RestJson;
using Arca.Control.Backup;
using Arca.Control.Backup.RecoveryPoints;
using Arca.Domain.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Arca.Api.Endpoints.Backup;

/// <summary>
/// Recovery points (restJson1): ListRecoveryPointsByBackupVault, ListRecoveryPointsByResource, DescribeRecoveryPoint,
/// UpdateRecoveryPointLifecycle, DeleteRecoveryPoint.
/// </summary>
internal static class RecoveryPointEndpoints
{
    public static void Map(RestJsonService backup)
    {
        backup.Map("ListRecoveryPointsByBackupVault", ListByVaultAsync);
        backup.Map("ListRecoveryPointsByResource", ListByResourceAsync);
        backup.Map("DescribeRecoveryPoint", DescribeAsync);
        backup.Map("UpdateRecoveryPointLifecycle", UpdateLifecycleAsync);
        backup.Map("DeleteRecoveryPoint", DeleteAsync);
    }

    private static async Task<RestJsonResponse> ListByVaultAsync(RestJsonRequest request)
    {
        var filter = new RecoveryPointFilter
        {
            ResourceArn = request.QueryValue("resourceArn"),
            ResourceType = request.QueryValue("resourceType"),
            BackupPlanId = request.QueryValue("backupPlanId"),
            CreatedBefore = Timestamp(request, "createdBefore", "ByCreatedBefore"),
            CreatedAfter = Timestamp(request, "createdAfter", "ByCreatedAfter"),
            ParentRecoveryPointArn = request.QueryValue("parentRecoveryPointArn"),
        };
        BackupPage<RecoveryPointDescription> page = await RecoveryPoints(request).ListByVaultAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupVaultName"),
            filter,
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.QueryValue("backupVaultAccountId"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new ListRecoveryPointsByVaultOutput([.. page.Items.Select(d => Output(d, withStorageClass: false))], page.NextToken),
            VaultWireJson.Default.ListRecoveryPointsByVaultOutput);
    }

    private static async Task<RestJsonResponse> ListByResourceAsync(RestJsonRequest request)
    {
        BackupRequests.Bool(request, "managedByAWSBackupOnly", "ManagedByAWSBackupOnly");
        BackupPage<RecoveryPointDescription> page = await RecoveryPoints(request).ListByResourceAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "resourceArn"),
            request.QueryValue("nextToken"),
            BackupRequests.Int(request, "maxResults", "MaxResults"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new ListRecoveryPointsByResourceOutput([.. page.Items.Select(ByResource)], page.NextToken), VaultWireJson.Default.ListRecoveryPointsByResourceOutput);
    }

    private static async Task<RestJsonResponse> DescribeAsync(RestJsonRequest request)
    {
        RecoveryPointDescription rp = await RecoveryPoints(request).DescribeAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupVaultName"),
            BackupRequests.Label(request, "recoveryPointArn"),
            request.QueryValue("backupVaultAccountId"),
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(Output(rp, withStorageClass: true), VaultWireJson.Default.RecoveryPointOutput);
    }

    private static async Task<RestJsonResponse> UpdateLifecycleAsync(RestJsonRequest request)
    {
        UpdateLifecycleBody body = request.Read(VaultWireJson.Default.UpdateLifecycleBody);
        Lifecycle? lifecycle = body.Lifecycle is { } l ? new Lifecycle(l.MoveToColdStorageAfterDays, l.DeleteAfterDays, l.OptInToArchiveForSupportedResources) : null;
        RecoveryPointLifecycleUpdate updated = await RecoveryPoints(request).UpdateLifecycleAsync(
            request.Context.Caller,
            BackupRequests.Label(request, "backupVaultName"),
            BackupRequests.Label(request, "recoveryPointArn"),
            lifecycle,
            request.Context.CancellationToken).ConfigureAwait(false);
        return RestJsonResponse.From(
            new UpdateLifecycleOutput(updated.BackupVaultArn, updated.RecoveryPointArn, Wire(updated.Lifecycle), Wire(updated.CalculatedLifecycle)),
            VaultWireJson.Default.UpdateLifecycleOutput);
    }

    private static async Task<RestJsonResponse> DeleteAsync(RestJsonRequest request)
    {
        await RecoveryPoints(request).DeleteAsync(
            request.Context.Caller, BackupRequests.Label(request, "backupVaultName"), BackupRequests.Label(request, "recoveryPointArn"), request.Context.CancellationToken)
            .ConfigureAwait(false);
        return RestJsonResponse.Empty;
    }

    private static RecoveryPointOutput Output(RecoveryPointDescription description, bool withStorageClass)
    {
        RecoveryPointRecord rp = description.RecoveryPoint;
        return new RecoveryPointOutput
        {
            RecoveryPointArn = rp.RecoveryPointArn,
            BackupVaultName = rp.BackupVaultName,
            BackupVaultArn = rp.BackupVaultArn,
            SourceBackupVaultArn = rp.SourceBackupVaultArn,
            ResourceArn = rp.ResourceArn,
            ResourceType = rp.ResourceType,
            CreatedBy = rp.CreatedBy is { } c
                ? new RecoveryPointCreatorWire(c.BackupPlanId, c.BackupPlanArn, c.BackupPlanName, c.BackupPlanVersion, c.BackupRuleId, c.BackupRuleName, c.BackupRuleCron, c.BackupRuleTimezone)
                : null,
            IamRoleArn = rp.IamRoleArn,
            Status = rp.Status,
            StatusMessage = rp.StatusMessage,
            CreationDate = rp.CreationDate,
            InitiationDate = rp.InitiationDate,
            CompletionDate = rp.CompletionDate,
            BackupSizeInBytes = rp.BackupSizeInBytes,
            CalculatedLifecycle = Wire(description.CalculatedLifecycle),
            Lifecycle = Wire(rp.Lifecycle),
            EncryptionKeyArn = rp.EncryptionKeyArn,
            StorageClass = withStorageClass ? rp.StorageClass : null,
            LastRestoreTime = rp.LastRestoreTime,
            ResourceName = rp.ResourceName,
            EncryptionKeyType = description.EncryptionKeyType,
        };
    }

    private static RecoveryPointByResourceOutput ByResource(RecoveryPointDescription description)
    {
        RecoveryPointRecord rp = description.RecoveryPoint;
        return new RecoveryPointByResourceOutput(
            rp.RecoveryPointArn, rp.CreationDate, rp.Status, rp.StatusMessage, rp.EncryptionKeyArn, rp.BackupSizeInBytes, rp.BackupVaultName,
            IsParent: false, rp.ResourceName, "BACKUP_VAULT", description.EncryptionKeyType);
    }

    private static LifecycleWire? Wire(Lifecycle? lifecycle) =>
        lifecycle is null ? null : new LifecycleWire(lifecycle.MoveToColdStorageAfterDays, lifecycle.DeleteAfterDays, lifecycle.OptInToArchiveForSupportedResources);

    private static CalculatedLifecycleWire Wire(CalculatedLifecycle calculated) => new(calculated.MoveToColdStorageAt, calculated.DeleteAt);

    /// <summary>A timestamp query parameter: ISO 8601 (as the CLIs send it) or epoch seconds; null when absent.</summary>
    private static DateTimeOffset? Timestamp(RestJsonRequest request, string name, string member)
    {
        string? text = request.QueryValue(name);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal seconds) && seconds < 253_402_300_800m)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset parsed)
            ? parsed
            : throw BackupErrors.InvalidParameterValue($"{member}: '{(text.Length <= 64 ? text : text[..64] + "…")}' is not a timestamp (ISO 8601 or epoch seconds)");
    }

    private static RecoveryPointService RecoveryPoints(RestJsonRequest request) => request.Context.Services.GetRequiredService<RecoveryPointService>();
}
