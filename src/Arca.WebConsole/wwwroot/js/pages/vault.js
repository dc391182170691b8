// One vault: its encryption key (with the key's state from KMS), access policy (pretty JSON), lock, and recovery
// points, with the actions: back up a resource into it, copy a recovery point (or copy it back to the account it
// came from), restore a recovery point.
import { h, section, table, facts, fmt, link, badge, errorBox, jsonBlock, replace } from '../dom.js';
import { backup, kms, path, collect } from '../aws.js';
import { startBackup, startCopy, startRestore } from '../actions.js';

/** The last part of a recovery point's ARN, to tell rows apart in button labels. */
const short = (rp) => `recovery point ${rp.RecoveryPointArn.split(':').pop()}`;

function lockFacts(v) {
  if (!v.Locked && v.MinRetentionDays === undefined && v.MaxRetentionDays === undefined) return h('p', { text: 'Not locked: recovery points can be deleted.' });
  return facts([
    ['Locked', v.Locked ? 'yes (immutable: compliance mode)' : 'not yet (governance mode, or before the lock date)'],
    ['Minimum retention', v.MinRetentionDays === undefined ? undefined : `${v.MinRetentionDays} days`],
    ['Maximum retention', v.MaxRetentionDays === undefined ? undefined : `${v.MaxRetentionDays} days`],
    ['Lock date', v.LockDate ? fmt.time(v.LockDate) : undefined],
  ]);
}

async function keyDetails(region, keyArn) {
  if (!keyArn) return h('p', { text: 'No encryption key reported.' });
  const shown = [h('p', { class: 'arn', text: keyArn })];
  try {
    const { KeyMetadata: k } = await kms(region, 'DescribeKey', { KeyId: keyArn });
    shown.push(facts([['Key ID', k.KeyId], ['Description', k.Description], ['State', badge(k.KeyState)], ['Managed by', k.KeyManager], ['Created', fmt.time(k.CreationDate)]]));
  } catch (error) {
    shown.push(errorBox(error, 'KMS DescribeKey:'));
  }
  return shown;
}

async function accessPolicy(region, name) {
  try {
    const answer = await backup(region, 'GET', path`/backup-vaults/${name}/access-policy`);
    return answer.Policy ? jsonBlock(answer.Policy, 'Vault access policy') : h('p', { text: 'No access policy.' });
  } catch (error) {
    if (error.code === 'ResourceNotFoundException') return h('p', { text: 'No access policy: only this account may use the vault.' });
    throw error;
  }
}

export async function render(main, ctx) {
  const [region, name] = ctx.segments;
  const account = ctx.session.identity.Account;
  const status = h('div', { class: 'action-status', 'aria-live': 'polite', id: 'action-status' });
  const report = (node) => replace(status, node);
  const act = (action) => action().catch((error) => report(errorBox(error)));
  const vault = backup(region, 'GET', path`/backup-vaults/${name}`);

  main.append(
    h('p', {}, link('#/vaults', '← Vaults')),
    h('h1', { tabindex: '-1', text: `Vault ${name}` }),
    h('div', { class: 'toolbar' }, h('button', { type: 'button', class: 'primary', text: 'Back up a resource now…',
      on: { click: () => act(() => startBackup({ region, vaultName: name, account, report })) } })),
    status,
    section('Vault', async () => {
      const v = await vault;
      return facts([['ARN', h('span', { class: 'arn', text: v.BackupVaultArn })], ['Region', region], ['Type', v.VaultType], ['State', v.VaultState],
        ['Recovery points', String(v.NumberOfRecoveryPoints ?? 0)], ['Created', fmt.time(v.CreationDate)], ['Source vault', v.SourceBackupVaultArn]]);
    }, { id: 'vault-summary' }),
    section('Encryption key', async () => keyDetails(region, (await vault).EncryptionKeyArn), { id: 'vault-key' }),
    section('Access policy', () => accessPolicy(region, name), { id: 'vault-policy' }),
    section('Vault lock', async () => lockFacts(await vault), { id: 'vault-lock' }),
    section('Recovery points', async () => {
      const { items } = await collect((token) => backup(region, 'GET', path`/backup-vaults/${name}/recovery-points/`, { query: { nextToken: token } }), (p) => p.RecoveryPoints);
      const thisVault = (await vault.catch(() => ({}))).BackupVaultArn;
      return table({
        caption: 'Recovery points',
        empty: 'No recovery points in this vault.',
        columns: [
          { label: 'Recovery point', cell: (rp) => h('span', { class: 'arn', text: rp.RecoveryPointArn }) },
          { label: 'Status', cell: (rp) => badge(rp.Status) },
          { label: 'Resource', cell: (rp) => h('span', { class: 'arn' }, `${rp.ResourceType ?? ''} ${rp.ResourceArn ?? ''}`) },
          { label: 'Created', cell: (rp) => fmt.time(rp.CreationDate) },
          { label: 'Size', class: 'number', cell: (rp) => fmt.bytes(rp.BackupSizeInBytes) },
          { label: 'Copied from', cell: (rp) => h('span', { class: 'arn', text: rp.SourceBackupVaultArn && rp.SourceBackupVaultArn !== thisVault ? rp.SourceBackupVaultArn : '—' }) },
          {
            label: 'Actions', cell: (rp) => h('div', { class: 'row-actions' },
              h('button', { type: 'button', text: 'Copy…', 'aria-label': `Copy ${short(rp)}…`, on: { click: () => act(() => startCopy({ region, vaultName: name, account, recoveryPoint: rp, report })) } }),
              rp.SourceBackupVaultArn && rp.SourceBackupVaultArn !== thisVault
                ? h('button', { type: 'button', text: 'Copy back to source…', 'aria-label': `Copy ${short(rp)} back to its source vault…`, on: { click: () => act(() => startCopy({ region, vaultName: name, account, recoveryPoint: rp, copyBack: true, report })) } })
                : null,
              h('button', { type: 'button', text: 'Restore…', 'aria-label': `Restore ${short(rp)}…`, on: { click: () => act(() => startRestore({ region, vaultName: name, account, recoveryPoint: rp, report })) } })),
          },
        ],
        rows: items,
      });
    }, { id: 'recovery-points' }));
}
