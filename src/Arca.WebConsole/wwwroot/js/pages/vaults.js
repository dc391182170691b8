// Vaults: the signed-in account's backup vaults in every region served.
import { h, section, table, fmt, link, errorBox } from '../dom.js';
import { backup, collect } from '../aws.js';
import { regions } from '../session.js';

export function vaultHref(region, name) {
  return `#/vault/${encodeURIComponent(region)}/${encodeURIComponent(name)}`;
}

export async function render(main, ctx) {
  main.append(
    h('h1', { tabindex: '-1', text: 'Vaults' }),
    h('p', { class: 'lead', text: `Backup vaults of account ${ctx.session.identity.Account}. Each is encrypted under one KMS key and may be guarded by an access policy and a vault lock.` }),
    section('Backup vaults', async () => {
      const lists = await Promise.all(regions().map(async (region) => {
        try {
          const { items } = await collect((token) => backup(region, 'GET', '/backup-vaults/', { query: { nextToken: token } }), (p) => p.BackupVaultList);
          return { region, vaults: items.map((v) => ({ ...v, region })) };
        } catch (error) {
          return { region, error, vaults: [] };
        }
      }));
      return [
        table({
          caption: 'Backup vaults',
          empty: 'No vaults in these regions.',
          columns: [
            { label: 'Name', cell: (v) => link(vaultHref(v.region, v.BackupVaultName), v.BackupVaultName) },
            { label: 'Region', cell: (v) => v.region },
            { label: 'Encryption key', cell: (v) => h('span', { class: 'arn', text: v.EncryptionKeyArn ?? '—' }) },
            { label: 'Recovery points', class: 'number', cell: (v) => String(v.NumberOfRecoveryPoints ?? 0) },
            { label: 'Lock', cell: (v) => (v.Locked ? `locked (${v.MinRetentionDays ?? '?'}–${v.MaxRetentionDays ?? '?'} days)` : 'not locked') },
            { label: 'Created', cell: (v) => fmt.time(v.CreationDate) },
          ],
          rows: lists.flatMap((l) => l.vaults),
        }),
        lists.filter((l) => l.error).map((l) => errorBox(l.error, `ListBackupVaults in ${l.region}:`)),
      ];
    }, { id: 'vault-list' }));
}
