// Backup, copy and restore jobs as the console shows them: one shape for the three kinds, listed per region with
// the filters AWS Backup's List*Jobs operations take, and described one at a time.
import { backup, collect, path } from './aws.js';

/** The three kinds of job: their list and describe operations and the names of their fields. */
export const KINDS = {
  backup: {
    label: 'Backup', plural: 'Backup jobs', listPath: '/backup-jobs/', items: 'BackupJobs', id: 'BackupJobId', stateField: 'State', stateQuery: 'state',
    summaryPath: '/audit/backup-job-summaries', summaryItems: 'BackupJobSummaries',
    states: ['CREATED', 'PENDING', 'RUNNING', 'ABORTING', 'ABORTED', 'COMPLETED', 'FAILED', 'EXPIRED', 'PARTIAL'],
    describe: (region, id) => backup(region, 'GET', path`/backup-jobs/${id}`),
  },
  copy: {
    label: 'Copy', plural: 'Copy jobs', listPath: '/copy-jobs/', items: 'CopyJobs', id: 'CopyJobId', stateField: 'State', stateQuery: 'state',
    summaryPath: '/audit/copy-job-summaries', summaryItems: 'CopyJobSummaries',
    states: ['CREATED', 'RUNNING', 'COMPLETED', 'FAILED', 'PARTIAL'],
    describe: async (region, id) => (await backup(region, 'GET', path`/copy-jobs/${id}`)).CopyJob,
  },
  restore: {
    label: 'Restore', plural: 'Restore jobs', listPath: '/restore-jobs/', items: 'RestoreJobs', id: 'RestoreJobId', stateField: 'Status', stateQuery: 'status',
    summaryPath: '/audit/restore-job-summaries', summaryItems: 'RestoreJobSummaries',
    states: ['PENDING', 'RUNNING', 'COMPLETED', 'ABORTED', 'FAILED'],
    describe: (region, id) => backup(region, 'GET', path`/restore-jobs/${id}`),
  },
};

/** States in which a job still changes: its detail page polls them. */
export const ACTIVE_STATES = new Set(['CREATED', 'PENDING', 'RUNNING', 'ABORTING']);

/** States that mean the job did not do (all of) its work: shown first. */
export const FAILED_STATES = new Set(['FAILED', 'ABORTED', 'EXPIRED', 'PARTIAL']);

/** One job of any kind in the console's shape; `raw` is the wire object. */
export function normalize(kind, region, job) {
  const k = KINDS[kind];
  const common = {
    kind, region, raw: job, id: job[k.id], accountId: job.AccountId, state: job[k.stateField], message: job.StatusMessage,
    created: job.CreationDate, completed: job.CompletionDate, resourceType: job.ResourceType, role: job.IamRoleArn,
    percentDone: job.PercentDone, bytes: job.BackupSizeInBytes,
  };
  if (kind === 'backup') {
    return { ...common, resourceArn: job.ResourceArn, source: job.ResourceArn, destination: job.RecoveryPointArn ?? job.BackupVaultArn, transferred: job.BytesTransferred };
  }
  if (kind === 'copy') {
    return { ...common, resourceArn: job.ResourceArn, source: job.SourceRecoveryPointArn ?? job.SourceBackupVaultArn, destination: job.DestinationRecoveryPointArn ?? job.DestinationBackupVaultArn };
  }
  return { ...common, resourceArn: job.SourceResourceArn ?? job.RecoveryPointArn, source: job.RecoveryPointArn, destination: job.CreatedResourceArn };
}

/**
 * Lists jobs of one kind in one region. filters: { account ('*' = every account of the organization, only for
 * the management account; undefined = the caller's own), state, resourceType, since (Date), until (Date) }.
 */
export async function listJobs(kind, region, filters = {}) {
  const k = KINDS[kind];
  const query = {
    accountId: filters.account,
    [k.stateQuery]: filters.state,
    resourceType: filters.resourceType,
    createdAfter: filters.since,
    createdBefore: filters.until,
    maxResults: 1000,
  };
  const { items, truncated } = await collect(
    (token) => backup(region, 'GET', k.listPath, { query: { ...query, nextToken: token } }),
    (page) => page[k.items]);
  return { jobs: items.map((j) => normalize(kind, region, j)), truncated };
}

/**
 * Job counts of one kind in one region (List*JobSummaries), one UTC day at a time for the last 14 days: rows
 * { kind, region, accountId, state, count, start (epoch seconds) }. account: 'ANY' = every account of the organization
 * (a monitoring account; any other caller gets its own counts), undefined = the caller's own. The server counts every job,
 * so the numbers hold however many jobs there are.
 */
export async function jobSummaries(kind, region, { account } = {}) {
  const k = KINDS[kind];
  const query = { AccountId: account, AggregationPeriod: 'ONE_DAY', MaxResults: 1000 };
  const { items, truncated } = await collect(
    (token) => backup(region, 'GET', k.summaryPath, { query: { ...query, NextToken: token } }),
    (page) => page[k.summaryItems]);
  return {
    rows: items.map((r) => ({ kind, region: r.Region ?? region, accountId: r.AccountId, state: r.State, count: r.Count ?? 0, start: r.StartTime })),
    truncated,
  };
}

/** Describes one job; the result has the console's shape. */
export async function describeJob(kind, region, id) {
  return normalize(kind, region, await KINDS[kind].describe(region, id));
}

/** Newest first, failed (and partial, aborted, expired) jobs before the others. */
export function failedFirst(jobs) {
  return [...jobs].sort((a, b) => (FAILED_STATES.has(b.state) - FAILED_STATES.has(a.state)) || ((b.created ?? 0) - (a.created ?? 0)));
}

/** The hash of a job's detail page. */
export function jobHref(job) {
  return `#/job/${job.kind}/${encodeURIComponent(job.region)}/${encodeURIComponent(job.id)}`;
}
