// The reference tutorial's step 5 with the AWS SDK for JavaScript v3: from DestinationAccount, copy a recovery point of
// its eu-west-1 vault back into SourceAccount's us-east-1 vault, then check the copy job's shape. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… AWS_SESSION_TOKEN=… (DestinationAccount)
//   RECOVERY_POINT_ARN=… (in DestinationAccount's eu-west-1 cabvault) DESTINATION_VAULT_ARN=… (SourceAccount's us-east-1 cabvault)
//   ROLE_ARN=… (DestinationAccount's cabrole) node copy-jobs.mjs
// Prints one JSON line per check, then {"done":true,"recoveryPointArn":"<the copy in SourceAccount>"}; exits non-zero at the
// first failure.
import { BackupClient, StartCopyJobCommand, DescribeCopyJobCommand, ListCopyJobsCommand, paginateListCopyJobs } from '@aws-sdk/client-backup';

const env = process.env;
const backup = new BackupClient({
  endpoint: env.ARCA_ENDPOINT,
  region: 'eu-west-1',
  maxAttempts: 1,
  credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN },
});

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

const input = {
  RecoveryPointArn: env.RECOVERY_POINT_ARN,
  SourceBackupVaultName: 'cabvault',
  DestinationBackupVaultArn: env.DESTINATION_VAULT_ARN,
  IamRoleArn: env.ROLE_ARN,
};
const started = await backup.send(new StartCopyJobCommand(input));
check('start-copy-job returns an id and a date', typeof started.CopyJobId === 'string' && started.CreationDate instanceof Date && started.IsParent === false, started);

let job;
const end = Date.now() + 120_000;
for (;;) {
  job = (await backup.send(new DescribeCopyJobCommand({ CopyJobId: started.CopyJobId }))).CopyJob;
  if (!['CREATED', 'RUNNING'].includes(job.State) || Date.now() > end) {
    break;
  }
  await new Promise((resolve) => setTimeout(resolve, 250));
}

check('the copy back completes', job.State === 'COMPLETED', job);
check('the copy job belongs to the account that started it', job.SourceRecoveryPointArn === env.RECOVERY_POINT_ARN && job.DestinationBackupVaultArn === env.DESTINATION_VAULT_ARN, job);
check('dates parse as dates', job.CreationDate instanceof Date && job.CompletionDate instanceof Date, job);
check('the copy lands in the source account', job.DestinationRecoveryPointArn.startsWith(env.DESTINATION_VAULT_ARN.replace(/backup-vault:.*$/, 'recovery-point:')), job);

const listed = [];
for await (const page of paginateListCopyJobs({ client: backup, pageSize: 1 }, { ByDestinationVaultArn: env.DESTINATION_VAULT_ARN })) {
  listed.push(...page.CopyJobs);
}
check('list-copy-jobs pages and filters by destination vault', listed.length === 1 && listed[0].CopyJobId === started.CopyJobId, listed);

const bad = await error(backup.send(new ListCopyJobsCommand({ ByState: 'DONE' })));
check('a bad filter is an InvalidParameterValueException', bad?.name === 'InvalidParameterValueException' && bad.status === 400, bad);
const missing = await error(backup.send(new StartCopyJobCommand({ ...input, SourceBackupVaultName: 'nosuchvault' })));
check('an unknown source vault is a ResourceNotFoundException', missing?.name === 'ResourceNotFoundException', missing);

console.log(JSON.stringify({ done: true, recoveryPointArn: job.DestinationRecoveryPointArn }));
