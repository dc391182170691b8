// Drives a running Arca server's backup and restore jobs with the AWS SDK for JavaScript v3, after its scheduler has
// backed up a Directory and a SQLite resource into the vault "cabvault". Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… ROLE_ARN=… DIRECTORY_ARN=… SQLITE_ARN=…
//   RESTORE_DIR=/abs/dir RESTORE_DB=/abs/file.db node backup-jobs.mjs
// Restores both recovery points (the caller compares the restored data) and prints one JSON line per check; exits
// non-zero at the first failure.
import {
  BackupClient, ListBackupJobsCommand, DescribeBackupJobCommand, StartBackupJobCommand, ListRecoveryPointsByBackupVaultCommand,
  GetRecoveryPointRestoreMetadataCommand, StartRestoreJobCommand, DescribeRestoreJobCommand, ListRestoreJobsCommand,
  ListRestoreJobsByProtectedResourceCommand, GetRestoreJobMetadataCommand, paginateListBackupJobs,
} from '@aws-sdk/client-backup';

const env = process.env;
const base = { endpoint: env.ARCA_ENDPOINT, region: 'us-east-1', maxAttempts: 1 };
const backup = new BackupClient({ ...base, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });

function check(name, condition, detail) {
  console.log(JSON.stringify({ check: name, ok: Boolean(condition), detail }));
  if (!condition) {
    process.exit(1);
  }
}

async function error(promise) {
  try {
    await promise;
    return null;
  } catch (e) {
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
}

// A client polls a job until it ends, as users of the asynchronous API do.
async function finished(describe, state, deadlineMs = 120_000) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const job = await describe();
    if (!['CREATED', 'PENDING', 'RUNNING', 'ABORTING'].includes(job[state])) {
      return job;
    }
    if (Date.now() > end) {
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The scheduled jobs.
const completed = (await backup.send(new ListBackupJobsCommand({ ByBackupVaultName: 'cabvault', ByState: 'COMPLETED' }))).BackupJobs;
const scheduled = {};
for (const arn of [env.DIRECTORY_ARN, env.SQLITE_ARN]) {
  scheduled[arn] = completed.find((j) => j.ResourceArn === arn && j.CreatedBy?.BackupPlanId);
  check(`scheduled job of ${arn} completed`, scheduled[arn] && scheduled[arn].PercentDone === '100.0' && scheduled[arn].RecoveryPointArn, scheduled[arn]);
}
const described = await backup.send(new DescribeBackupJobCommand({ BackupJobId: scheduled[env.DIRECTORY_ARN].BackupJobId }));
check('describe-backup-job', described.State === 'COMPLETED' && described.CreatedBy.BackupRuleName === 'cabrule'
  && described.StartBy instanceof Date && described.BackupSizeInBytes > 0 && described.IsEncrypted === true && described.NumberOfChildJobs === 0, described);

// The recovery points, through the vault service.
const points = (await backup.send(new ListRecoveryPointsByBackupVaultCommand({ BackupVaultName: 'cabvault' }))).RecoveryPoints;
for (const arn of [env.DIRECTORY_ARN, env.SQLITE_ARN]) {
  check(`recovery point of ${arn} listed`, points.some((p) => p.RecoveryPointArn === scheduled[arn].RecoveryPointArn), points.length);
}

// Restores.
const targets = { [env.DIRECTORY_ARN]: env.RESTORE_DIR, [env.SQLITE_ARN]: env.RESTORE_DB };
const restores = [];
for (const arn of [env.DIRECTORY_ARN, env.SQLITE_ARN]) {
  const point = scheduled[arn].RecoveryPointArn;
  const suggested = await backup.send(new GetRecoveryPointRestoreMetadataCommand({ BackupVaultName: 'cabvault', RecoveryPointArn: point }));
  check(`restore metadata of ${arn}`, suggested.RestoreMetadata.TargetPath && suggested.RestoreMetadata.Overwrite === 'false', suggested.RestoreMetadata);
  const started = await backup.send(new StartRestoreJobCommand({
    RecoveryPointArn: point, IamRoleArn: env.ROLE_ARN, Metadata: { TargetPath: targets[arn] }, ResourceType: suggested.ResourceType,
  }));
  const job = await finished(() => backup.send(new DescribeRestoreJobCommand({ RestoreJobId: started.RestoreJobId })), 'Status');
  check(`restore of ${arn}`, job.Status === 'COMPLETED' && job.PercentDone === '100.0' && job.CreatedResourceArn, job);
  restores.push(job);
}
const metadata = await backup.send(new GetRestoreJobMetadataCommand({ RestoreJobId: restores[0].RestoreJobId }));
check('get-restore-job-metadata', metadata.Metadata.TargetPath === env.RESTORE_DIR, metadata);
const listedRestores = (await backup.send(new ListRestoreJobsCommand({ ByStatus: 'COMPLETED' }))).RestoreJobs;
check('list-restore-jobs', listedRestores.length >= 2, listedRestores.length);
const byResource = (await backup.send(new ListRestoreJobsByProtectedResourceCommand({ ResourceArn: env.DIRECTORY_ARN }))).RestoreJobs;
check('list-restore-jobs-by-protected-resource', byResource.length === 1 && byResource[0].RestoreJobId === restores[0].RestoreJobId, byResource);

// On demand, with the token the SDK fills in, and the error shapes.
const onDemand = await backup.send(new StartBackupJobCommand({ BackupVaultName: 'cabvault', ResourceArn: env.DIRECTORY_ARN, IamRoleArn: env.ROLE_ARN }));
const ended = await finished(() => backup.send(new DescribeBackupJobCommand({ BackupJobId: onDemand.BackupJobId })), 'State');
check('on-demand backup job', ended.State === 'COMPLETED' && ended.CreatedBy === undefined, ended);
const missingVault = await error(backup.send(new StartBackupJobCommand({ BackupVaultName: 'nope', ResourceArn: env.DIRECTORY_ARN, IamRoleArn: env.ROLE_ARN })));
check('missing vault', missingVault?.name === 'ResourceNotFoundException' && missingVault.status === 400 && missingVault.message.startsWith('BackupVaultName: '), missingVault);
const badState = await error(backup.send(new ListBackupJobsCommand({ ByState: 'BOGUS' })));
check('bad state filter', badState?.name === 'InvalidParameterValueException' && badState.message.startsWith('ByState: '), badState);

// Pagination, one job a page.
const all = [];
for await (const page of paginateListBackupJobs({ client: backup, pageSize: 1 }, {})) {
  all.push(...page.BackupJobs);
}
check('paginated list-backup-jobs', all.length === completed.length + 1 && new Set(all.map((j) => j.BackupJobId)).size === all.length, all.length);

console.log(JSON.stringify({ done: true }));
