// Dashboard: the jobs of the last 7 days in every region served, failed jobs first, and their counts by state (today
// and the last 7 UTC days) and per account and region. The counts come from the job summaries (List*JobSummaries,
// exact however many jobs there are); the tables of jobs from the job lists. The management account sees its whole
// organization (ByAccountId=* and AccountId=ANY, cross-account monitoring); any other account sees its own jobs.
import { h, section, table, errorBox, badge, fmt, link } from '../dom.js';
import { KINDS, FAILED_STATES, listJobs, jobSummaries, failedFirst, jobHref } from '../jobs.js';
import { isManagement, regions } from '../session.js';

const DAY = 24 * 3600 * 1000;

/**
 * Every kind in every region, each load kept apart so one failure shows as its error beside the others' data. When
 * the organization-wide list is refused (cross-account monitoring off), the account's own jobs are listed instead and
 * the refusal is kept as a note.
 */
async function loadAll(account, since) {
  const loads = Object.keys(KINDS).flatMap((kind) => regions().map(async (region) => {
    try {
      return { kind, region, ...(await listJobs(kind, region, { account, since })) };
    } catch (error) {
      if (account !== '*' || /Unsupported|UnknownOperation|NetworkError/.test(error.code)) return { kind, region, error, jobs: [] };
      try {
        return { kind, region, ownOnly: error, ...(await listJobs(kind, region, { since })) };
      } catch (again) {
        return { kind, region, error: again, jobs: [] };
      }
    }
  }));
  return Promise.all(loads);
}

/** Every kind's daily counts in every region, each load kept apart so one failure shows as its error beside the others. */
async function loadCounts(account) {
  const loads = Object.keys(KINDS).flatMap((kind) => regions().map(async (region) => {
    try {
      return { kind, region, ...(await jobSummaries(kind, region, { account })) };
    } catch (error) {
      return { kind, region, error, rows: [] };
    }
  }));
  return Promise.all(loads);
}

/** 00:00 UTC of the day of `ms`: the summaries count in whole UTC days. */
const utcDay = (ms) => Math.floor(ms / DAY) * DAY;

function countsByState(rows, since) {
  const counts = {};
  for (const row of rows.filter((r) => (r.start ?? 0) * 1000 >= since)) counts[row.state] = (counts[row.state] ?? 0) + row.count;
  return counts;
}

function stateSummary(counts, now) {
  const today = utcDay(now);
  const rows = Object.entries(KINDS).flatMap(([kind, k]) => {
    const kindRows = counts.filter((r) => r.kind === kind).flatMap((r) => r.rows);
    return [['Today (UTC)', today], ['Last 7 days', today - 6 * DAY]].map(([period, since]) => ({ kind: k.plural, period, counts: countsByState(kindRows, since) }));
  });
  const states = [...new Set(rows.flatMap((r) => Object.keys(r.counts)))].sort((a, b) => FAILED_STATES.has(b) - FAILED_STATES.has(a) || a.localeCompare(b));
  return table({
    caption: 'Jobs by state',
    columns: [
      { label: 'Jobs', cell: (r) => r.kind },
      { label: 'Period', cell: (r) => r.period },
      ...states.map((s) => ({ label: s, class: 'number', cell: (r) => String(r.counts[s] ?? 0) })),
      { label: 'Total', class: 'number', cell: (r) => String(Object.values(r.counts).reduce((a, b) => a + b, 0)) },
    ],
    rows,
  });
}

function perAccountAndRegion(counts, now) {
  const since = utcDay(now) - 6 * DAY;
  const groups = new Map();
  for (const row of counts.flatMap((r) => r.rows).filter((r) => (r.start ?? 0) * 1000 >= since)) {
    const key = `${row.accountId}|${row.region}`;
    const group = groups.get(key) ?? { account: row.accountId, region: row.region, backup: 0, copy: 0, restore: 0, failed: 0 };
    group[row.kind] += row.count;
    if (FAILED_STATES.has(row.state)) group.failed += row.count;
    groups.set(key, group);
  }
  const rows = [...groups.values()].sort((a, b) => b.failed - a.failed || a.account.localeCompare(b.account) || a.region.localeCompare(b.region));
  return table({
    caption: 'Jobs per account and region',
    empty: 'No jobs in the last 7 days.',
    columns: [
      { label: 'Account', cell: (r) => link(`#/jobs?account=${r.account}&region=${r.region}`, r.account) },
      { label: 'Region', cell: (r) => r.region },
      { label: 'Backup', class: 'number', cell: (r) => String(r.backup) },
      { label: 'Copy', class: 'number', cell: (r) => String(r.copy) },
      { label: 'Restore', class: 'number', cell: (r) => String(r.restore) },
      { label: 'Failed', class: 'number', cell: (r) => (r.failed ? h('strong', { class: 'bad', text: String(r.failed) }) : '0') },
    ],
    rows,
  });
}

/** Says when a table leaves jobs out because a list or a count failed (its error is under Sources). */
function incomplete(results, what) {
  const failed = results.filter((r) => r.error || r.ownOnly).length;
  return failed ? h('p', { class: 'note', text: `${failed} of ${results.length} ${what} could not be loaded in full, so jobs may be missing here: see Sources below.` }) : null;
}

export function jobTable(jobs, caption, empty) {
  return table({
    caption,
    empty,
    columns: [
      { label: 'Job', cell: (j) => link(jobHref(j), `${KINDS[j.kind].label} ${j.id}`) },
      { label: 'State', cell: (j) => badge(j.state) },
      { label: 'Account', cell: (j) => j.accountId ?? '—' },
      { label: 'Region', cell: (j) => j.region },
      { label: 'Resource', cell: (j) => h('span', { class: 'arn' }, j.resourceType ? `${j.resourceType} ` : '', j.resourceArn ?? '—') },
      { label: 'Created', cell: (j) => fmt.time(j.created) },
      { label: 'Message', cell: (j) => j.message ?? '' },
    ],
    rows: jobs,
  });
}

export async function render(main, ctx) {
  const management = isManagement(ctx.session);
  const now = Date.now();
  const data = loadAll(management ? '*' : undefined, new Date(now - 7 * DAY));
  const counts = loadCounts(management ? 'ANY' : undefined);
  main.append(
    h('h1', { tabindex: '-1', text: 'Dashboard' }),
    h('p', { class: 'lead' }, management
      ? `Jobs of the last 7 days in every account of organization ${ctx.session.organization.Id} and every region (${regions().join(', ')}).`
      : `Jobs of the last 7 days in account ${ctx.session.identity.Account}, in every region (${regions().join(', ')}).`),
    section('Failed jobs', async () => {
      const results = await data;
      const failed = failedFirst(results.flatMap((r) => r.jobs)).filter((j) => FAILED_STATES.has(j.state));
      return [incomplete(results, 'job lists'), jobTable(failed, 'Failed jobs', 'No failed jobs in the last 7 days.')];
    }, { id: 'failed-jobs' }),
    section('Jobs by state', async () => {
      const results = await counts;
      return [incomplete(results, 'job counts'), stateSummary(results, now)];
    }, { id: 'jobs-by-state' }),
    section(management ? 'By account and region' : 'By region', async () => {
      const results = await counts;
      return [incomplete(results, 'job counts'), perAccountAndRegion(results, now)];
    }, { id: 'jobs-by-account' }),
    section('Recent jobs', async () => {
      const recent = failedFirst((await data).flatMap((r) => r.jobs)).filter((j) => !FAILED_STATES.has(j.state)).slice(0, 10);
      return jobTable(recent, 'Recent jobs', 'No other jobs in the last 7 days.');
    }, { id: 'recent-jobs' }),
    section('Sources', async () => {
      const results = await data;
      const summaries = await counts;
      const failures = results.filter((r) => r.error);
      const ownOnly = results.filter((r) => r.ownOnly);
      const truncated = results.filter((r) => r.truncated);
      const countFailures = summaries.filter((r) => r.error);
      return [
        h('p', { class: 'muted', text: `${results.length - failures.length} of ${results.length} job lists loaded (3 kinds × ${regions().length} regions); `
          + `${summaries.length - countFailures.length} of ${summaries.length} job summaries loaded (the counts, by UTC day).` }),
        truncated.map((r) => h('p', { class: 'muted', text: `${KINDS[r.kind].plural} in ${r.region}: only the first ${r.jobs.length} are listed.` })),
        summaries.filter((r) => r.truncated).map((r) => h('p', { class: 'muted', text: `${KINDS[r.kind].plural} in ${r.region}: only the first ${r.rows.length} count rows are used.` })),
        countFailures.map((r) => errorBox(r.error, `${KINDS[r.kind].plural} in ${r.region} could not be counted:`)),
        failures.map((r) => errorBox(r.error, `${KINDS[r.kind].plural} in ${r.region} could not be listed:`)),
        ownOnly.map((r) => errorBox(r.ownOnly, `${KINDS[r.kind].plural} in ${r.region}: the organization's jobs were refused, so only this account's are counted (is cross-account monitoring on? see Settings):`)),
      ];
    }, { id: 'sources' }),
  );
}
