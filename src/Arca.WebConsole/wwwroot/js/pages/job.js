// One job: its state and status message, progress (PercentDone, bytes), source and destination. A job that is
// still running is described again every few seconds until it ends.
import { h, replace, errorBox, facts, badge, fmt, link } from '../dom.js';
import { KINDS, ACTIVE_STATES, describeJob } from '../jobs.js';

const POLL_MS = 3000;
const FAILED = (job) => /FAIL|ABORT|EXPIRED|PARTIAL/.test(job.state ?? '');

function progress(job) {
  const percent = Number.parseFloat(job.percentDone);
  if (Number.isNaN(percent)) return null;
  return h('div', { class: 'progress' },
    h('progress', { max: '100', value: String(percent), 'aria-label': 'Percent done' }),
    h('span', { text: ` ${percent.toFixed(1)} %` }));
}

function details(job) {
  const raw = job.raw;
  return [
    h('p', {}, badge(job.state), ' ', ACTIVE_STATES.has(job.state) ? h('span', { class: 'muted', text: `live: refreshed every ${POLL_MS / 1000} s` }) : null),
    job.message ? h('p', { class: FAILED(job) ? 'status-message bad' : 'status-message' }, h('strong', { text: 'Status message: ' }), job.message) : null,
    facts([
      ['Job ID', job.id],
      ['Account', job.accountId],
      ['Region', job.region],
      ['State', job.state],
      ['Percent done', progress(job) ?? job.percentDone],
      ['Size', job.bytes === undefined ? undefined : fmt.bytes(job.bytes)],
      ['Bytes transferred', job.transferred === undefined ? undefined : fmt.bytes(job.transferred)],
      ['Resource type', job.resourceType],
      ['Resource', job.resourceArn],
      ['Source', job.source],
      ['Destination', job.destination],
      ['IAM role', job.role],
      ['Created', fmt.time(job.created)],
      ['Completed', fmt.time(job.completed)],
      ['Expected completion', raw.ExpectedCompletionDate ? fmt.time(raw.ExpectedCompletionDate) : undefined],
      ['Created by', raw.CreatedBy ? JSON.stringify(raw.CreatedBy) : undefined],
    ]),
  ];
}

export async function render(main, ctx) {
  const [kind, region, id] = ctx.segments;
  if (!KINDS[kind]) throw new Error(`Unknown kind of job: ${kind}`);
  const body = h('div', { 'aria-live': 'polite' }, h('p', { class: 'muted', text: 'Loading…' }));
  main.append(
    h('p', {}, link(`#/jobs?kind=${kind}`, `← ${KINDS[kind].plural}`)),
    h('h1', { tabindex: '-1', text: `${KINDS[kind].label} job ${id}` }),
    h('section', { class: 'card', 'aria-label': 'Job details', id: 'job-detail' }, body));

  const refresh = async () => {
    try {
      const job = await describeJob(kind, region, id);
      replace(body, details(job));
      return ACTIVE_STATES.has(job.state);
    } catch (error) {
      replace(body, errorBox(error, `Describe${KINDS[kind].label}Job in ${region}:`));
      return false;
    }
  };
  if (await refresh()) ctx.every(POLL_MS, refresh);
}
