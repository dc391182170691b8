using System.Text.Json.Nodes;

namespace Arca.Cli.Quickstart;

/// <summary>The tutorial's data steps: the sample resource, the backup, monitoring, the two copies, the restore and its verification.</summary>
internal sealed partial class QuickstartTutorial
{
    private static readonly TimeSpan JobBound = TimeSpan.FromMinutes(10);

    private async Task<string> SampleResourceAsync(string sample, CancellationToken ct)
    {
        report.Step("Sample directory, registered in SourceAccount us-east-1 with the tag backup=cab (arca resource register)");
        SampleTree.Write(sample);
        JsonObject resource = await _source.BackupAsync("RegisterResource", "PUT", "/arca/resources", new JsonObject
        {
            ["Type"] = "Directory",
            ["Name"] = "quickstart-sample",
            ["Path"] = sample,
            ["Tags"] = new JsonObject { ["backup"] = "cab" },
        }, ct).ConfigureAwait(false);
        string arn = resource["ResourceArn"]!.GetValue<string>();
        report.Detail($"{sample} → {arn}");
        return arn;
    }

    private async Task<string> BackupAsync(string resourceArn, CancellationToken ct)
    {
        report.Step("Backup: SourceAccount backs the sample up into its us-east-1 cabvault (backup start-backup-job)");
        JsonObject started = await _source.BackupAsync("StartBackupJob", "PUT", "/backup-jobs", new JsonObject
        {
            ["BackupVaultName"] = QuickstartDocuments.VaultName,
            ["ResourceArn"] = resourceArn,
            ["IamRoleArn"] = RoleArn(_sourceAccount),
        }, ct).ConfigureAwait(false);
        string jobId = started["BackupJobId"]!.GetValue<string>();
        JsonObject job = await UntilDoneAsync(_source, "DescribeBackupJob", "/backup-jobs/" + jobId, j => j, "State", ct).ConfigureAwait(false);
        string recoveryPoint = job["RecoveryPointArn"]!.GetValue<string>();
        report.Detail($"backup job {jobId}: COMPLETED, {Count(job["BackupSizeInBytes"]?.GetValue<long>() ?? 0)} bytes → {recoveryPoint}");
        return recoveryPoint;
    }

    private async Task MonitoringAsync(CancellationToken ct)
    {
        report.Step("Monitoring: the management account lists every account's backup jobs (backup list-backup-jobs --by-account-id '*')");
        JsonObject listed = await management.BackupAsync("ListBackupJobs", "GET", "/backup-jobs/?accountId=%2A", null, ct).ConfigureAwait(false);
        JsonNode?[] jobs = [.. (JsonArray?)listed["BackupJobs"] ?? []];
        foreach (JsonNode? job in jobs)
        {
            report.Detail($"account {job!["AccountId"]}: backup job {job["BackupJobId"]} {job["State"]} ({job["ResourceArn"]})");
        }

        if (!jobs.Any(j => j!["AccountId"]?.GetValue<string>() == _sourceAccount))
        {
            report.Detail("the management account sees no job of SourceAccount: this server does not offer cross-account monitoring");
        }
    }

    private async Task<string> CopyToDestinationAsync(string recoveryPoint, CancellationToken ct)
    {
        report.Step("Copy: SourceAccount copies the recovery point to DestinationAccount's eu-west-1 cabvault (backup start-copy-job)");
        return await CopyAsync(_source.In(SourceRegion), recoveryPoint, VaultArn(DestinationRegion, _destinationAccount), RoleArn(_sourceAccount), ct)
            .ConfigureAwait(false);
    }

    private async Task<string> CopyBackAsync(string recoveryPoint, CancellationToken ct)
    {
        report.Step("Copy back: DestinationAccount copies it back to SourceAccount's us-east-1 cabvault (backup start-copy-job in eu-west-1)");
        return await CopyAsync(_destination.In(DestinationRegion), recoveryPoint, VaultArn(SourceRegion, _sourceAccount), RoleArn(_destinationAccount), ct)
            .ConfigureAwait(false);
    }

    private async Task<string> CopyAsync(QuickstartClient client, string recoveryPoint, string destinationVaultArn, string roleArn, CancellationToken ct)
    {
        JsonObject started = await client.BackupAsync("StartCopyJob", "PUT", "/copy-jobs", new JsonObject
        {
            ["RecoveryPointArn"] = recoveryPoint,
            ["SourceBackupVaultName"] = QuickstartDocuments.VaultName,
            ["DestinationBackupVaultArn"] = destinationVaultArn,
            ["IamRoleArn"] = roleArn,
            ["IdempotencyToken"] = Guid.NewGuid().ToString(),
        }, ct).ConfigureAwait(false);
        string jobId = started["CopyJobId"]!.GetValue<string>();
        JsonObject job = await UntilDoneAsync(client, "DescribeCopyJob", "/copy-jobs/" + jobId, j => (JsonObject)j["CopyJob"]!, "State", ct)
            .ConfigureAwait(false);
        string copied = job["DestinationRecoveryPointArn"]!.GetValue<string>();
        report.Detail($"copy job {jobId}: COMPLETED → {copied}");
        return copied;
    }

    private async Task RestoreAsync(string recoveryPoint, string target, CancellationToken ct)
    {
        report.Step("Restore: SourceAccount restores the copied-back recovery point into a new directory (backup start-restore-job)");
        QuickstartClient client = _source.In(SourceRegion);
        JsonObject metadata = await client.BackupAsync("GetRecoveryPointRestoreMetadata", "GET",
            $"/backup-vaults/{QuickstartDocuments.VaultName}/recovery-points/{Uri.EscapeDataString(recoveryPoint)}/restore-metadata", null, ct).ConfigureAwait(false);
        var restoreMetadata = new JsonObject();
        foreach ((string key, JsonNode? value) in (JsonObject?)metadata["RestoreMetadata"] ?? [])
        {
            restoreMetadata[key] = value?.DeepClone();
        }

        restoreMetadata["TargetPath"] = target;
        JsonObject started = await client.BackupAsync("StartRestoreJob", "PUT", "/restore-jobs", new JsonObject
        {
            ["RecoveryPointArn"] = recoveryPoint,
            ["IamRoleArn"] = RoleArn(_sourceAccount),
            ["Metadata"] = restoreMetadata,
        }, ct).ConfigureAwait(false);
        string jobId = started["RestoreJobId"]!.GetValue<string>();
        await UntilDoneAsync(client, "DescribeRestoreJob", "/restore-jobs/" + jobId, j => j, "Status", ct).ConfigureAwait(false);
        report.Detail($"restore job {jobId}: COMPLETED → {target}");
    }

    private VerifiedRestore Verify(string source, string restored, string recoveryPoint)
    {
        report.Step("Verify: the restored tree is compared with the source, file by file");
        (IReadOnlyList<string> differences, int files, int directories, long bytes) = TreeComparison.Compare(source, restored);
        if (differences.Count > 0)
        {
            foreach (string difference in differences)
            {
                report.Detail(difference);
            }

            throw new QuickstartException($"the restored tree differs from the source in {differences.Count} entries");
        }

        report.Detail($"verified identical: {files} files, {directories} directories, {Count(bytes)} bytes (contents, modes, times, links)");
        return new VerifiedRestore(source, restored, recoveryPoint, files, directories, bytes);
    }

    /// <summary>Describes a job until it leaves CREATED/PENDING/RUNNING; anything but COMPLETED fails the step with its message.</summary>
    private static async Task<JsonObject> UntilDoneAsync(
        QuickstartClient client, string operation, string path, Func<JsonObject, JsonObject> job, string stateMember, CancellationToken ct)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bound.CancelAfter(JobBound);
        for (int attempt = 0; ; attempt++)
        {
            JsonObject current = job(await client.BackupAsync(operation, "GET", path, null, bound.Token).ConfigureAwait(false));
            string state = current[stateMember]?.GetValue<string>() ?? "?";
            if (state == "COMPLETED")
            {
                return current;
            }

            if (state is not ("CREATED" or "PENDING" or "RUNNING"))
            {
                throw new QuickstartException($"{operation} {path}: {state}: {current["StatusMessage"]}");
            }

            await Wait(attempt, bound.Token).ConfigureAwait(false);
        }
    }
}
