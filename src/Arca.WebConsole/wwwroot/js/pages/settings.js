// Settings: the three opt-ins of the tutorial's step 1, made by the management account — backup policies enabled
// on the root (EnablePolicyType BACKUP_POLICY), cross-account monitoring (EnableAWSServiceAccess
// backup.amazonaws.com), cross-account backup (UpdateGlobalSettings isCrossAccountBackupEnabled) — and the
// resource types each region opts in to. Every change goes through a confirmation dialog.
import { h, section, replace, errorBox, badge, table } from '../dom.js';
import { organizations, backup } from '../aws.js';
import { confirmDialog } from '../dialog.js';
import { isManagement, regions } from '../session.js';

const BACKUP_SERVICE = 'backup.amazonaws.com';

/** A setting: reads its state, offers the opposite change behind a confirmation, re-reads after it. */
function setting({ id, title, explanation, read, enable, disable }) {
  const body = h('div', {});
  const element = h('section', { class: 'card setting', id, 'aria-label': title }, h('h2', { text: title }), h('p', { text: explanation }), body);
  const load = async () => {
    replace(body, h('p', { class: 'muted', text: 'Loading…' }));
    body.setAttribute('aria-busy', 'true');
    let enabled;
    try {
      enabled = await read();
    } catch (error) {
      replace(body, errorBox(error));
      return;
    } finally {
      body.removeAttribute('aria-busy');
    }
    const change = enabled ? disable : enable;
    replace(body,
      h('p', { class: 'setting-state' }, 'Status: ', badge(enabled ? 'ENABLED' : 'DISABLED')),
      h('button', { type: 'button', class: enabled ? '' : 'primary', text: `${enabled ? 'Disable' : 'Enable'} ${title.toLowerCase()}…`,
        on: { click: async () => { if (await confirmDialog({ title: `${enabled ? 'Disable' : 'Enable'} ${title.toLowerCase()}`, message: change.message, confirmLabel: enabled ? 'Disable' : 'Enable', onConfirm: change.run })) load(); } } }));
  };
  load();
  return element;
}

async function backupRoot() {
  return (await organizations('ListRoots')).Roots[0];
}

function regionSettings() {
  return section('Resource types by region', async () => {
    const rows = await Promise.all(regions().map(async (region) => {
      try {
        return { region, settings: (await backup(region, 'GET', '/account-settings')).ResourceTypeOptInPreference ?? {} };
      } catch (error) {
        return { region, error };
      }
    }));
    const types = [...new Set(rows.flatMap((r) => Object.keys(r.settings ?? {})))].sort();
    const status = h('div', { 'aria-live': 'polite' });
    return [
      table({
        caption: 'Resource type opt-in by region',
        columns: [
          { label: 'Region', cell: (r) => r.region },
          ...types.map((t) => ({ label: t, cell: (r) => (r.error ? '—' : (r.settings[t] ? 'opted in' : 'opted out')) })),
          {
            label: 'Action', cell: (r) => (r.error ? errorBox(r.error) : h('button', { type: 'button', text: 'Opt in to all…', 'aria-label': `Opt in to every resource type in ${r.region}…`,
              on: { click: () => confirmDialog({
                title: `Opt in to every resource type in ${r.region}`,
                message: 'Backups of every supported resource type will then be allowed in this region (UpdateRegionSettings).',
                confirmLabel: 'Opt in',
                onConfirm: () => backup(r.region, 'PUT', '/account-settings', { body: { ResourceTypeOptInPreference: Object.fromEntries(types.map((t) => [t, true])) } }),
              }).then((done) => done && replace(status, h('p', { class: 'success', text: `Every resource type is opted in in ${r.region}.` }))) } })),
          },
        ],
        rows,
      }),
      status,
    ];
  }, { id: 'region-settings' });
}

export async function render(main, ctx) {
  main.append(h('h1', { tabindex: '-1', text: 'Settings' }));
  if (!isManagement(ctx.session)) {
    main.append(h('p', { class: 'lead', text: 'Backup policies, cross-account monitoring and cross-account backup are opted in to by the organization\'s management account.' }), regionSettings());
    return;
  }
  const region = ctx.session.region;
  main.append(
    h('p', { class: 'lead', text: 'Step 1 of cross-account backup: opt in to backup policies, cross-account monitoring and cross-account backup.' }),
    setting({
      id: 'setting-backup-policies',
      title: 'Backup policies',
      explanation: 'Lets backup policies be attached in the organization and turned into organization-managed plans in member accounts (the root\'s BACKUP_POLICY type).',
      read: async () => ((await backupRoot()).PolicyTypes ?? []).some((t) => t.Type === 'BACKUP_POLICY' && t.Status === 'ENABLED'),
      enable: { message: 'Enable the BACKUP_POLICY policy type on the organization\'s root (EnablePolicyType).', run: async () => organizations('EnablePolicyType', { RootId: (await backupRoot()).Id, PolicyType: 'BACKUP_POLICY' }) },
      disable: { message: 'Disable the BACKUP_POLICY policy type on the root (DisablePolicyType). Every backup policy is detached, and organization-managed plans go away.', run: async () => organizations('DisablePolicyType', { RootId: (await backupRoot()).Id, PolicyType: 'BACKUP_POLICY' }) },
    }),
    setting({
      id: 'setting-monitoring',
      title: 'Cross-account monitoring',
      explanation: `Lets this management account list and summarize every member's backup, copy and restore jobs (trusted access for ${BACKUP_SERVICE}).`,
      read: async () => ((await organizations('ListAWSServiceAccessForOrganization')).EnabledServicePrincipals ?? []).some((p) => p.ServicePrincipal === BACKUP_SERVICE),
      enable: { message: `Enable trusted access for ${BACKUP_SERVICE} in the organization (EnableAWSServiceAccess).`, run: () => organizations('EnableAWSServiceAccess', { ServicePrincipal: BACKUP_SERVICE }) },
      disable: { message: `Disable trusted access for ${BACKUP_SERVICE} (DisableAWSServiceAccess): this account no longer sees members' jobs.`, run: () => organizations('DisableAWSServiceAccess', { ServicePrincipal: BACKUP_SERVICE }) },
    }),
    setting({
      id: 'setting-cross-account-backup',
      title: 'Cross-account backup',
      explanation: 'Lets member accounts copy recovery points into other accounts of the organization (the global setting isCrossAccountBackupEnabled).',
      read: async () => (await backup(region, 'GET', '/global-settings')).GlobalSettings?.isCrossAccountBackupEnabled === 'true',
      enable: { message: 'Turn cross-account backup on (UpdateGlobalSettings isCrossAccountBackupEnabled = true).', run: () => backup(region, 'PUT', '/global-settings', { body: { GlobalSettings: { isCrossAccountBackupEnabled: 'true' } } }) },
      disable: { message: 'Turn cross-account backup off (UpdateGlobalSettings isCrossAccountBackupEnabled = false): copies into other accounts fail.', run: () => backup(region, 'PUT', '/global-settings', { body: { GlobalSettings: { isCrossAccountBackupEnabled: 'false' } } }) },
    }),
    regionSettings());
}
