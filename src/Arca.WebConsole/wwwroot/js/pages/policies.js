// Policies (the management account): the organization tree with the backup policies attached at each level, the
// backup policies and their documents, and the effective policy of an account with the provenance of each value
// (Arca's ArcaOrganizations.DescribeEffectivePolicyProvenance; where the server lacks it, DescribeEffectivePolicy's
// content and a note that provenance is unavailable). Any other account sees its own effective policy.
import { h, section, table, errorBox, jsonBlock, replace, fmt, badge } from '../dom.js';
import { organizations, arcaOrganizations, collect } from '../aws.js';
import { isManagement } from '../session.js';

const BACKUP_POLICY = 'BACKUP_POLICY';

const all = (operation, input, items) => collect((token) => organizations(operation, { ...input, NextToken: token }), (p) => p[items], 20).then((r) => r.items);

/** target id → names of the backup policies attached to it (empty when the policy operations are missing). */
async function attachments() {
  const map = new Map();
  for (const policy of await all('ListPolicies', { Filter: BACKUP_POLICY }, 'Policies')) {
    for (const target of await all('ListTargetsForPolicy', { PolicyId: policy.Id }, 'Targets')) {
      map.set(target.TargetId, [...(map.get(target.TargetId) ?? []), policy.Name]);
    }
  }
  return map;
}

function attachedNote(attached, id) {
  const names = attached.get(id);
  return names?.length ? h('span', { class: 'attached' }, ' — backup policies: ', names.join(', ')) : null;
}

async function subtree(parentId, attached, management) {
  const [units, accounts] = await Promise.all([
    all('ListOrganizationalUnitsForParent', { ParentId: parentId }, 'OrganizationalUnits'),
    all('ListAccountsForParent', { ParentId: parentId }, 'Accounts'),
  ]);
  const children = [
    ...await Promise.all(units.map(async (ou) => h('li', {},
      h('span', { class: 'node-ou' }, `OU ${ou.Name} (${ou.Id})`), attachedNote(attached, ou.Id), await subtree(ou.Id, attached, management)))),
    ...accounts.map((a) => h('li', {}, h('span', { class: 'node-account' }, `Account ${a.Name} (${a.Id})`),
      a.Id === management ? ' — management account' : null, ' ', badge(a.Status), attachedNote(attached, a.Id))),
  ];
  return children.length ? h('ul', {}, children) : null;
}

async function tree(session, attachedLoad) {
  const roots = (await organizations('ListRoots')).Roots ?? [];
  const { map: attached, error } = await attachedLoad;
  return [
    error ? errorBox(error, 'Backup policy attachments could not be listed:') : null,
    h('ul', { class: 'org-tree' }, await Promise.all(roots.map(async (root) => h('li', {},
      h('span', { class: 'node-root' }, `Root ${root.Name} (${root.Id})`),
      ` — backup policies ${(root.PolicyTypes ?? []).find((t) => t.Type === BACKUP_POLICY)?.Status ?? 'DISABLED'}`,
      attachedNote(attached, root.Id),
      await subtree(root.Id, attached, session.organization.MasterAccountId))))),
  ];
}

async function policyList() {
  const policies = await all('ListPolicies', { Filter: BACKUP_POLICY }, 'Policies');
  if (!policies.length) return h('p', { text: 'No backup policies.' });
  return policies.map((p) => {
    const content = h('div', {}, h('p', { class: 'muted', text: 'Loading…' }));
    const details = h('details', { class: 'policy' }, h('summary', {}, `${p.Name} (${p.Id})`, p.Description ? ` — ${p.Description}` : ''), content);
    details.addEventListener('toggle', async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = 'yes';
      try {
        const [policy, targets] = await Promise.all([organizations('DescribePolicy', { PolicyId: p.Id }), all('ListTargetsForPolicy', { PolicyId: p.Id }, 'Targets')]);
        replace(content, h('p', {}, 'Attached to: ', targets.length ? targets.map((t) => `${t.Name} (${t.TargetId})`).join(', ') : 'nothing'),
          jsonBlock(policy.Policy.Content, `Policy ${p.Name}`));
      } catch (error) {
        replace(content, errorBox(error));
      }
    });
    return details;
  });
}

function provenanceView(answer) {
  return [
    h('h3', { text: 'Effective policy' }),
    h('p', { class: 'muted', text: `Target ${answer.EffectivePolicy.TargetId}, last updated ${fmt.time(answer.EffectivePolicy.LastUpdatedTimestamp)}.` }),
    jsonBlock(answer.EffectivePolicy.PolicyContent, 'Effective policy'),
    h('h3', { text: 'Where each value comes from' }),
    table({
      caption: 'Provenance of each value',
      columns: [
        { label: 'Path', cell: (p) => h('code', { text: p.Path }) },
        { label: 'Kind', cell: (p) => p.Kind },
        { label: 'Value', cell: (p) => (p.Value === undefined ? '' : h('code', { text: typeof p.Value === 'string' ? p.Value : JSON.stringify(p.Value) })) },
        { label: 'Policy', cell: (p) => h('span', { title: p.PolicyId, text: p.PolicyName }) },
        { label: 'Attached to', cell: (p) => p.TargetId },
      ],
      rows: answer.Provenance ?? [],
    }),
    h('h3', { text: 'Levels (root first)' }),
    table({
      caption: 'Levels',
      columns: [{ label: 'Target', cell: (l) => l.TargetId }, { label: 'Policies, in attachment order', cell: (l) => (l.Policies ?? []).map((p) => p.PolicyName).join(', ') || '—' }],
      rows: answer.Levels ?? [],
    }),
    answer.Diagnostics?.length
      ? [h('h3', { text: 'Diagnostics' }), table({ caption: 'Diagnostics', columns: [{ label: 'Kind', cell: (d) => d.Kind }, { label: 'Path', cell: (d) => d.Path }, { label: 'Message', cell: (d) => d.Message }], rows: answer.Diagnostics })]
      : null,
  ];
}

/** The provenance extension when the server has it, else DescribeEffectivePolicy with a note. */
async function effectivePolicy(targetId) {
  try {
    return provenanceView(await arcaOrganizations('DescribeEffectivePolicyProvenance', { TargetId: targetId }));
  } catch (error) {
    if (error.code === 'EffectivePolicyNotFoundException') return errorBox(error, 'No effective backup policy:');
    const note = [h('p', { class: 'note', text: 'Provenance is unavailable on this server; showing DescribeEffectivePolicy\'s content without it.' }), errorBox(error, 'DescribeEffectivePolicyProvenance:')];
    try {
      const { EffectivePolicy: e } = await organizations('DescribeEffectivePolicy', { PolicyType: BACKUP_POLICY, TargetId: targetId });
      return [note, jsonBlock(e.PolicyContent, 'Effective policy')];
    } catch (fallback) {
      return [note, errorBox(fallback, 'DescribeEffectivePolicy:')];
    }
  }
}

async function effectiveForm() {
  const accounts = await all('ListAccounts', {}, 'Accounts');
  const result = h('div', { 'aria-live': 'polite', id: 'effective-result' });
  const form = h('form', { class: 'filters', 'aria-label': 'Effective policy of an account' },
    h('div', { class: 'field' }, h('label', { for: 'effective-target', text: 'Account' }),
      h('select', { id: 'effective-target', name: 'target' }, accounts.map((a) => h('option', { value: a.Id, text: `${a.Name} (${a.Id})` })))),
    h('div', { class: 'field field-button' }, h('button', { type: 'submit', class: 'primary', text: 'Show effective policy' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    replace(result, h('p', { class: 'muted', text: 'Loading…' }));
    replace(result, await effectivePolicy(new FormData(form).get('target')));
  });
  return [form, result];
}

export async function render(main, ctx) {
  main.append(h('h1', { tabindex: '-1', text: 'Policies' }));
  if (!isManagement(ctx.session)) {
    main.append(
      h('p', { class: 'lead', text: 'Backup policies are managed by the organization\'s management account. This is the effective backup policy of your account.' }),
      section('Effective backup policy', async () => {
        const { EffectivePolicy: e } = await organizations('DescribeEffectivePolicy', { PolicyType: BACKUP_POLICY });
        return jsonBlock(e.PolicyContent, 'Effective policy');
      }, { id: 'effective-policy' }));
    return;
  }
  const attachedLoad = attachments().then((map) => ({ map }), (error) => ({ map: new Map(), error }));
  main.append(
    h('p', { class: 'lead', text: `Organization ${ctx.session.organization.Id}: its tree, its backup policies and what each account inherits.` }),
    section('Organization', () => tree(ctx.session, attachedLoad), { id: 'org-tree' }),
    section('Backup policies', policyList, { id: 'backup-policies' }),
    section('Effective policy of an account', effectiveForm, { id: 'effective-policy' }));
}
