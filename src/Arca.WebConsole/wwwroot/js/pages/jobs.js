// Jobs: backup, copy and restore tabs, filtered by account (management account only), region, state, resource
// type and creation time. The filters live in the address (#/jobs?kind=copy&state=FAILED…), so a view can be
// bookmarked and the dashboard links into it. While a listed job runs, the list is refreshed every few seconds.
import { h, replace, errorBox } from '../dom.js';
import { backup, organizations, collect } from '../aws.js';
import { KINDS, ACTIVE_STATES, listJobs, failedFirst } from '../jobs.js';
import { isManagement, regions } from '../session.js';
import { jobTable } from './dashboard.js';

const POLL_MS = 5000;
const PERIODS = { '24h': ['Last 24 hours', 1], '7d': ['Last 7 days', 7], '14d': ['Last 14 days', 14], '30d': ['Last 30 days', 30], '90d': ['Last 90 days', 90] };

function tabs(ctx, active) {
  const kinds = Object.keys(KINDS);
  // The new tab keeps the focus (ARIA tabs pattern) and the filters, but a state only the old kind has is dropped.
  const go = (kind) => ctx.navigate(`#/jobs?${new URLSearchParams({ ...Object.fromEntries(ctx.params), kind })}`, `#tab-${kind}`);
  return h('div', { role: 'tablist', 'aria-label': 'Kind of job', class: 'tabs' }, kinds.map((kind, i) => h('button', {
    type: 'button', role: 'tab', id: `tab-${kind}`, 'aria-selected': String(kind === active), 'aria-controls': 'jobs-panel',
    tabindex: kind === active ? '0' : '-1', text: KINDS[kind].plural,
    on: {
      click: () => go(kind),
      // Arrow keys move between tabs, as the ARIA tabs pattern expects.
      keydown: (e) => {
        const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
        if (step) go(kinds[(i + step + kinds.length) % kinds.length]);
      },
    },
  })));
}

function select(label, name, value, options) {
  const id = `filter-${name}`;
  return h('div', { class: 'field' }, h('label', { for: id, text: label }),
    h('select', { id, name, value }, options.map(([v, text]) => h('option', { value: v, text }))));
}

async function accountOptions(session) {
  if (!isManagement(session)) return null;
  try {
    const { items } = await collect((token) => organizations('ListAccounts', { NextToken: token }), (p) => p.Accounts);
    return items.map((a) => [a.Id, `${a.Name} (${a.Id})`]);
  } catch {
    return []; // the filter still offers "every account" and the caller's own
  }
}

async function resourceTypes(region) {
  try {
    return (await backup(region, 'GET', '/supported-resource-types')).ResourceTypes ?? [];
  } catch {
    return ['Directory', 'SQLite', 'PostgreSQL'];
  }
}

async function filterForm(ctx, filters) {
  const session = ctx.session;
  const [accounts, types] = await Promise.all([accountOptions(session), resourceTypes(session.region)]);
  const form = h('form', { class: 'filters', 'aria-label': 'Filters' },
    accounts
      ? select('Account', 'account', filters.account, [['*', 'Every account of the organization'], [session.identity.Account, `This account (${session.identity.Account})`],
        ...accounts.filter(([id]) => id !== session.identity.Account)])
      : h('p', { class: 'field muted', text: `Account ${session.identity.Account} (yours)` }),
    select('Region', 'region', filters.region, [['all', 'Every region'], ...regions().map((r) => [r, r])]),
    select('State', 'state', filters.state, [['', 'Any state'], ...KINDS[filters.kind].states.map((s) => [s, s])]),
    select('Resource type', 'resourceType', filters.resourceType, [['', 'Any type'], ...types.map((t) => [t, t])]),
    select('Created', 'since', filters.since, Object.entries(PERIODS).map(([v, [text]]) => [v, text])),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'primary', text: 'Apply filters' })));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const values = Object.fromEntries(new FormData(form).entries());
    ctx.navigate(`#/jobs?${new URLSearchParams({ kind: filters.kind, ...values })}`);
  });
  return form;
}

export async function render(main, ctx) {
  const management = isManagement(ctx.session);
  const p = ctx.params;
  const filters = {
    kind: KINDS[p.get('kind')] ? p.get('kind') : 'backup',
    account: management ? (p.get('account') || '*') : undefined,
    region: p.get('region') || 'all',
    state: KINDS[p.get('kind')]?.states.includes(p.get('state')) ? p.get('state') : '',
    resourceType: p.get('resourceType') || '',
    since: PERIODS[p.get('since')] ? p.get('since') : '7d',
  };
  const formSlot = h('div', {}, h('p', { class: 'muted', text: 'Loading filters…' }));
  const k = KINDS[filters.kind];
  const body = h('div', { class: 'section-body', 'aria-busy': 'true' }, h('p', { class: 'muted', text: 'Loading…' }));
  // Lists the jobs; true while one of them is still running, so the list is refreshed until they all end.
  const load = async () => {
    try {
      const since = new Date(Date.now() - PERIODS[filters.since][1] * 24 * 3600 * 1000);
      const inRegions = filters.region === 'all' ? regions() : [filters.region];
      const lists = await Promise.all(inRegions.map((region) => listJobs(filters.kind, region, {
        account: filters.account, state: filters.state, resourceType: filters.resourceType, since,
      })));
      const jobs = failedFirst(lists.flatMap((l) => l.jobs));
      const live = jobs.some((j) => ACTIVE_STATES.has(j.state));
      replace(body,
        h('p', { class: 'muted', 'aria-live': 'polite', text: `${jobs.length} ${k.plural.toLowerCase()}${lists.some((l) => l.truncated) ? ' (the first pages only)' : ''}.`
          + (live ? ` Refreshed every ${POLL_MS / 1000} s while some are running.` : '') }),
        jobTable(jobs, k.plural, `No ${k.plural.toLowerCase()} match these filters.`));
      return live;
    } catch (error) {
      replace(body, errorBox(error));
      return false;
    } finally {
      body.removeAttribute('aria-busy');
    }
  };
  main.append(
    h('h1', { tabindex: '-1', text: 'Jobs' }),
    tabs(ctx, filters.kind),
    h('div', { role: 'tabpanel', id: 'jobs-panel', 'aria-labelledby': `tab-${filters.kind}` },
      formSlot,
      h('section', { class: 'card', id: 'jobs-results', 'aria-label': k.plural }, h('h2', { text: k.plural }), body)));
  const [form, live] = await Promise.all([filterForm(ctx, filters), load()]);
  replace(formSlot, form);
  if (live) ctx.every(POLL_MS, load);
}
