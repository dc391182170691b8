// Cross-account monitoring (the tutorial's step 4, "watch the jobs of every account") with the AWS SDK for JavaScript v3,
// after a scheduled job of an organization-managed plan completed in SourceAccount. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… (the management account)
//   MEMBER_ACCESS_KEY_ID=… MEMBER_SECRET_ACCESS_KEY=… MEMBER_SESSION_TOKEN=… (a session in SourceAccount)
//   SOURCE_ACCOUNT=… BACKUP_JOB_ID=… node cross-account-monitoring.mjs
// Prints one JSON line per check; exits non-zero at the first failure.
import {
  BackupClient, ListBackupJobsCommand, DescribeBackupJobCommand, ListBackupJobSummariesCommand, ListRestoreJobSummariesCommand,
  ListCopyJobSummariesCommand, ListRestoreJobsCommand, paginateListBackupJobSummaries,
} from '@aws-sdk/client-backup';

const env = process.env;
const base = { endpoint: env.ARCA_ENDPOINT, region: 'us-east-1', maxAttempts: 1 };
const management = new BackupClient({ ...base, credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } });
const member = new BackupClient({
  ...base,
  credentials: { accessKeyId: env.MEMBER_ACCESS_KEY_ID, secretAccessKey: env.MEMBER_SECRET_ACCESS_KEY, sessionToken: env.MEMBER_SESSION_TOKEN },
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

// The management account sees SourceAccount's job with ByAccountId '*' and with the account's id, not without.
const all = (await management.send(new ListBackupJobsCommand({ ByAccountId: '*' }))).BackupJobs;
const job = all.find((j) => j.BackupJobId === env.BACKUP_JOB_ID);
check('management lists the source job with *', job && job.AccountId === env.SOURCE_ACCOUNT && job.State === 'COMPLETED', job);
const one = (await management.send(new ListBackupJobsCommand({ ByAccountId: env.SOURCE_ACCOUNT }))).BackupJobs;
check('management lists the source account by id', one.length >= 1 && one.every((j) => j.AccountId === env.SOURCE_ACCOUNT), one.length);
const own = (await management.send(new ListBackupJobsCommand({}))).BackupJobs;
check('management without ByAccountId lists its own', own.every((j) => j.AccountId !== env.SOURCE_ACCOUNT), own.length);
const described = await management.send(new DescribeBackupJobCommand({ BackupJobId: env.BACKUP_JOB_ID }));
check('management describes the source job', described.AccountId === env.SOURCE_ACCOUNT && described.CreatedBy?.BackupRuleName === 'cabrule', described);
// ListCopyJobs comes with the copy jobs (issue 6); restores are listed the same way as backups.
check('restore listing parses', Array.isArray((await management.send(new ListRestoreJobsCommand({ ByAccountId: '*' }))).RestoreJobs));

// Summaries: one row per account with ANY, their sum with AGGREGATE_ALL; the paginator follows NextToken.
const summaries = (await management.send(new ListBackupJobSummariesCommand({ AccountId: 'ANY', AggregationPeriod: 'ONE_DAY' })));
const row = summaries.BackupJobSummaries.find((s) => s.AccountId === env.SOURCE_ACCOUNT && s.State === 'COMPLETED');
check('summary row of the source account', summaries.AggregationPeriod === 'ONE_DAY' && row && row.Count === 1 && row.Region === 'us-east-1'
  && row.ResourceType === 'Directory' && row.MessageCategory === 'SUCCESS' && row.StartTime instanceof Date && row.EndTime > row.StartTime, summaries);
const pages = [];
for await (const page of paginateListBackupJobSummaries({ client: management, pageSize: 1 }, { AccountId: 'AGGREGATE_ALL', State: 'AGGREGATE_ALL', AggregationPeriod: 'FOURTEEN_DAYS' })) {
  pages.push(...page.BackupJobSummaries);
}
check('AGGREGATE_ALL sums every account', pages.length >= 1 && pages.every((s) => s.AccountId === 'AGGREGATE_ALL'), pages);
const restores = await management.send(new ListRestoreJobSummariesCommand({ AccountId: 'ANY', AggregationPeriod: 'SEVEN_DAYS' }));
const copies = await management.send(new ListCopyJobSummariesCommand({ AccountId: 'ANY' }));
check('restore and copy summaries parse', Array.isArray(restores.RestoreJobSummaries) && restores.AggregationPeriod === 'SEVEN_DAYS'
  && Array.isArray(copies.CopyJobSummaries), { restores, copies });
const bad = await error(management.send(new ListBackupJobSummariesCommand({ State: 'DONE' })));
check('a bad State is InvalidParameterValueException naming it', bad?.name === 'InvalidParameterValueException' && bad.status === 400 && bad.message.includes('State'), bad);

// A member sees only its own jobs, whatever it asks for.
const mine = (await member.send(new ListBackupJobsCommand({ ByAccountId: '*' }))).BackupJobs;
check('member with * sees only its own', mine.some((j) => j.BackupJobId === env.BACKUP_JOB_ID) && mine.every((j) => j.AccountId === env.SOURCE_ACCOUNT), mine.length);
const memberSummaries = (await member.send(new ListBackupJobSummariesCommand({ AccountId: 'ANY' }))).BackupJobSummaries;
check('member summaries are its own', memberSummaries.length >= 1 && memberSummaries.every((s) => s.AccountId === env.SOURCE_ACCOUNT), memberSummaries);

console.log(JSON.stringify({ done: true }));
