// Plans: the account's backup plans in every region, its own and those its organization's backup policies manage
// (read-only, ids "orgs/…"); a plan's rules, selections and next scheduled runs (GetBackupPlan
// MaxScheduledRunsPreview).
import { h, section, table, facts, fmt, link, errorBox, jsonBlock } from '../dom.js';
import { backup, path, collect } from '../aws.js';
import { regions } from '../session.js';

/** Organization-managed plans carry ids and ARNs under "orgs/" (docs/design/backup-service.md). */
export const isOrganizationManaged = (plan) => /^orgs\//.test(plan.BackupPlanId ?? '') || /:backup-plan:orgs\//.test(plan.BackupPlanArn ?? '');

const planHref = (region, id) => `#/plan/${encodeURIComponent(region)}/${encodeURIComponent(id)}`;

export async function render(main, ctx) {
  main.append(
    h('h1', { tabindex: '-1', text: 'Backup plans' }),
    h('p', { class: 'lead', text: 'Plans of this account: its own, and those its organization\'s backup policies manage (read-only here; change the policy instead).' }),
    section('Plans', async () => {
      const lists = await Promise.all(regions().map(async (region) => {
        try {
          const { items } = await collect((token) => backup(region, 'GET', '/backup/plans/', { query: { nextToken: token } }), (p) => p.BackupPlansList);
          return { region, plans: items.map((p) => ({ ...p, region })) };
        } catch (error) {
          return { region, error, plans: [] };
        }
      }));
      return [
        table({
          caption: 'Backup plans',
          empty: 'No backup plans in these regions.',
          columns: [
            { label: 'Name', cell: (p) => link(planHref(p.region, p.BackupPlanId), p.BackupPlanName) },
            { label: 'Managed by', cell: (p) => (isOrganizationManaged(p) ? 'organization backup policy' : 'this account') },
            { label: 'Region', cell: (p) => p.region },
            { label: 'Plan ID', cell: (p) => h('span', { class: 'arn', text: p.BackupPlanId }) },
            { label: 'Version', cell: (p) => h('span', { class: 'arn', text: p.VersionId }) },
            { label: 'Created', cell: (p) => fmt.time(p.CreationDate) },
            { label: 'Last run', cell: (p) => fmt.time(p.LastExecutionDate) },
          ],
          rows: lists.flatMap((l) => l.plans),
        }),
        lists.filter((l) => l.error).map((l) => errorBox(l.error, `ListBackupPlans in ${l.region}:`)),
      ];
    }, { id: 'plan-list' }));
}

function rulesTable(rules) {
  return table({
    caption: 'Rules',
    empty: 'No rules.',
    columns: [
      { label: 'Rule', cell: (r) => r.RuleName },
      { label: 'Schedule', cell: (r) => `${r.ScheduleExpression ?? '—'} (${r.ScheduleExpressionTimezone ?? 'Etc/UTC'})` },
      { label: 'Start within', cell: (r) => `${r.StartWindowMinutes ?? '—'} min` },
      { label: 'Complete within', cell: (r) => `${r.CompletionWindowMinutes ?? '—'} min` },
      { label: 'Target vault', cell: (r) => r.TargetBackupVaultName },
      { label: 'Lifecycle', cell: (r) => (r.Lifecycle ? JSON.stringify(r.Lifecycle) : 'keep forever') },
      { label: 'Copies to', cell: (r) => (r.CopyActions ?? []).map((c) => h('div', { class: 'arn', text: c.DestinationBackupVaultArn })) },
    ],
    rows: rules,
  });
}

async function selections(region, id) {
  const { items } = await collect((token) => backup(region, 'GET', path`/backup/plans/${id}/selections/`, { query: { nextToken: token } }), (p) => p.BackupSelectionsList);
  if (!items.length) return h('p', { text: 'No resource assignments: this plan backs nothing up yet.' });
  const details = await Promise.all(items.map((s) => backup(region, 'GET', path`/backup/plans/${id}/selections/${s.SelectionId}`)));
  return details.map((d) => h('div', { class: 'selection' },
    h('h3', { text: d.BackupSelection.SelectionName }),
    facts([
      ['Selection ID', d.SelectionId],
      ['IAM role', h('span', { class: 'arn', text: d.BackupSelection.IamRoleArn })],
      ['Tags', (d.BackupSelection.ListOfTags ?? []).map((t) => `${t.ConditionKey} ${t.ConditionType} ${t.ConditionValue}`).join('; ')],
      ['Resources', (d.BackupSelection.Resources ?? []).join(', ')],
      ['Not resources', (d.BackupSelection.NotResources ?? []).join(', ')],
      ['Conditions', d.BackupSelection.Conditions ? jsonBlock(d.BackupSelection.Conditions, 'Conditions') : undefined],
    ])));
}

export async function renderPlan(main, ctx) {
  const [region, id] = ctx.segments;
  const plan = backup(region, 'GET', path`/backup/plans/${id}/`, { query: { MaxScheduledRunsPreview: 5 } });
  main.append(
    h('p', {}, link('#/plans', '← Backup plans')),
    h('h1', { tabindex: '-1', text: `Backup plan ${id}` }),
    section('Plan', async () => {
      const p = await plan;
      return facts([['Name', p.BackupPlan.BackupPlanName], ['Managed by', isOrganizationManaged(p) ? 'organization backup policy (read-only)' : 'this account'],
        ['ARN', h('span', { class: 'arn', text: p.BackupPlanArn })], ['Region', region], ['Version', p.VersionId], ['Created', fmt.time(p.CreationDate)],
        ['Deleted', p.DeletionDate ? fmt.time(p.DeletionDate) : undefined], ['Last run', fmt.time(p.LastExecutionDate)]]);
    }, { id: 'plan-summary' }),
    section('Rules', async () => rulesTable((await plan).BackupPlan.Rules ?? []), { id: 'plan-rules' }),
    section('Next scheduled runs', async () => {
      const p = await plan;
      const names = Object.fromEntries((p.BackupPlan.Rules ?? []).map((r) => [r.RuleId, r.RuleName]));
      const runs = p.ScheduledRunsPreview ?? [];
      return runs.length
        ? h('ol', { class: 'runs' }, runs.map((r) => h('li', {}, `${fmt.time(r.ExecutionTime)}: rule ${names[r.RuleId] ?? r.RuleId}`)))
        : h('p', { text: 'No scheduled runs.' });
    }, { id: 'plan-runs' }),
    section('Resource assignments', () => selections(region, id), { id: 'plan-selections' }));
}
