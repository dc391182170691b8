using Arca.Control.Jobs;

namespace Arca.Control.Backup.Copies.Internal;

/// <summary>Copy job documents as the API shows them.</summary>
internal static class CopyJobViews
{
    public static CopyJobDetails Copy(JobRecord job)
    {
        CopyJobSpec spec = CopyJobsJson.SpecOf(job);
        CopyJobResult result = CopyJobsJson.ResultOf(job);
        return new CopyJobDetails
        {
            AccountId = job.AccountId,
            CopyJobId = job.JobId,
            SourceBackupVaultArn = spec.SourceBackupVaultArn,
            SourceRecoveryPointArn = spec.SourceRecoveryPointArn,
            DestinationBackupVaultArn = spec.DestinationBackupVaultArn,
            DestinationVaultLockState = result.DestinationVaultLockState,
            DestinationRecoveryPointArn = result.DestinationRecoveryPointArn,
            DestinationEncryptionKeyArn = result.DestinationEncryptionKeyArn,
            DestinationRecoveryPointLifecycle = spec.Lifecycle,
            ResourceArn = spec.ResourceArn,
            ResourceType = spec.ResourceType,
            ResourceName = spec.ResourceName,
            CreationDate = job.CreationDate,
            CompletionDate = job.CompletionDate,
            State = job.State,
            StatusMessage = job.StatusMessage,
            MessageCategory = job.MessageCategory,
            BackupSizeInBytes = spec.BackupSizeInBytes,
            BytesTransferred = job.BytesTransferred,
            IamRoleArn = spec.IamRoleArn,
            CreatedBy = spec.CreatedBy,
            CreatedByBackupJobId = spec.CreatedByBackupJobId,
        };
    }
}
