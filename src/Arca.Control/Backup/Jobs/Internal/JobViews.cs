using Arca.Control.Jobs;

namespace Arca.Control.Backup.Jobs.Internal;

/// <summary>Job documents as the API shows them.</summary>
internal static class JobViews
{
    public static BackupJobDetails Backup(JobRecord job)
    {
        BackupJobSpec spec = JobDocuments.BackupSpec(job);
        BackupJobResult result = JobDocuments.BackupResult(job);
        return new BackupJobDetails
        {
            AccountId = job.AccountId,
            BackupJobId = job.JobId,
            BackupVaultName = spec.BackupVaultName,
            BackupVaultArn = spec.BackupVaultArn,
            VaultLockState = result.VaultLockState,
            RecoveryPointArn = result.RecoveryPointArn,
            RecoveryPointLifecycle = spec.Lifecycle,
            EncryptionKeyArn = result.EncryptionKeyArn,
            ResourceArn = spec.ResourceArn,
            ResourceType = spec.ResourceType,
            ResourceName = spec.ResourceName,
            CreationDate = job.CreationDate,
            InitiationDate = job.InitiationDate,
            CompletionDate = job.CompletionDate,
            State = job.State,
            StatusMessage = job.StatusMessage,
            MessageCategory = job.MessageCategory,
            PercentDone = job.PercentDone,
            BackupSizeInBytes = job.BackupSizeInBytes,
            BytesTransferred = job.BytesTransferred,
            IamRoleArn = spec.IamRoleArn,
            CreatedBy = spec.CreatedBy,
            StartBy = job.StartBy,
            ExpectedCompletionDate = job.CompleteBy,
            BackupOptions = spec.BackupOptions,
        };
    }

    public static RestoreJobDetails Restore(JobRecord job)
    {
        RestoreJobSpec spec = JobDocuments.RestoreSpec(job);
        RestoreJobResult result = JobDocuments.RestoreResult(job);
        return new RestoreJobDetails
        {
            AccountId = job.AccountId,
            RestoreJobId = job.JobId,
            RecoveryPointArn = spec.RecoveryPointArn,
            SourceResourceArn = spec.SourceResourceArn,
            BackupVaultArn = spec.BackupVaultArn,
            CreationDate = job.CreationDate,
            CompletionDate = job.CompletionDate,
            Status = job.State,
            StatusMessage = job.StatusMessage,
            PercentDone = job.PercentDone,
            BackupSizeInBytes = spec.BackupSizeInBytes,
            IamRoleArn = spec.IamRoleArn,
            CreatedResourceArn = result.CreatedResourceArn,
            ResourceType = spec.ResourceType,
            RecoveryPointCreationDate = spec.RecoveryPointCreationDate,
        };
    }
}
