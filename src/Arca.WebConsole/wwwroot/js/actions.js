// The actions the console offers, each behind a confirmation dialog: an on-demand backup (StartBackupJob), a copy
// of a recovery point (StartCopyJob, with "copy back to the source account"), and a restore (StartRestoreJob with
// the metadata recorded at backup time, editable). Each reports the job it started, or the AWS error, through
// report(node), and links to the job's page, where a running job's progress is followed live.
import { h, link } from './dom.js';
import { backup, path, collect } from './aws.js';
import { formDialog } from './dialog.js';

const roleField = (account) => ({
  name: 'IamRoleArn', label: 'IAM role ARN', required: true, placeholder: `arn:aws:iam::${account}:role/cabrole`,
  help: 'The role the backup service assumes for this job; it must exist in the account.',
});

function started(report, kind, region, id, what) {
  report(h('p', { class: 'success', role: 'status' }, `${what}: `, link(`#/job/${kind}/${encodeURIComponent(region)}/${encodeURIComponent(id)}`, `${kind} job ${id}`)));
}

async function inventory(region) {
  try {
    const { items } = await collect((token) => backup(region, 'GET', '/arca/resources', { query: { nextToken: token } }), (p) => p.Resources, 2);
    return items.map((r) => r.ResourceArn);
  } catch {
    return []; // the field still takes any ARN
  }
}

/** StartBackupJob into a vault, of a resource of the account's inventory (or any ARN typed in). */
export async function startBackup({ region, vaultName, account, report }) {
  const suggestions = await inventory(region);
  const answer = await formDialog({
    title: 'Start an on-demand backup',
    summary: [h('p', {}, `A backup job reads the resource and writes a new recovery point into vault ${vaultName} (${region}).`)],
    fields: [
      { name: 'ResourceArn', label: 'Resource ARN', required: true, suggestions, help: 'A resource registered in this account (arca resource register).' },
      roleField(account),
    ],
    confirmLabel: 'Start backup',
    onConfirm: (v) => backup(region, 'PUT', '/backup-jobs', {
      body: { BackupVaultName: vaultName, ResourceArn: v.ResourceArn.trim(), IamRoleArn: v.IamRoleArn.trim(), IdempotencyToken: crypto.randomUUID() },
    }),
  });
  if (answer?.BackupJobId) started(report, 'backup', region, answer.BackupJobId, 'Started');
}

/** StartCopyJob of a recovery point; copyBack pre-fills the destination with the vault it was copied from. */
export async function startCopy({ region, vaultName, account, recoveryPoint, copyBack = false, report }) {
  const answer = await formDialog({
    title: copyBack ? 'Copy back to the source account' : 'Copy a recovery point',
    summary: [
      h('p', {}, `A copy job copies recovery point ${recoveryPoint.RecoveryPointArn} from vault ${vaultName} (${region}) into the destination vault, `
        + 're-encrypted under that vault\'s key. The destination account must allow it (vault access policy, organization, cross-account backup).'),
    ],
    fields: [
      {
        name: 'DestinationBackupVaultArn', label: 'Destination vault ARN', required: true,
        value: copyBack ? recoveryPoint.SourceBackupVaultArn : '', placeholder: 'arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME',
        help: copyBack ? 'Pre-filled with the vault this recovery point was copied from (its SourceBackupVaultArn).' : null,
      },
      roleField(account),
    ],
    confirmLabel: copyBack ? 'Copy back' : 'Start copy',
    onConfirm: (v) => backup(region, 'PUT', '/copy-jobs', {
      body: {
        RecoveryPointArn: recoveryPoint.RecoveryPointArn, SourceBackupVaultName: vaultName,
        DestinationBackupVaultArn: v.DestinationBackupVaultArn.trim(), IamRoleArn: v.IamRoleArn.trim(), IdempotencyToken: crypto.randomUUID(),
      },
    }),
  });
  if (answer?.CopyJobId) started(report, 'copy', region, answer.CopyJobId, 'Started');
}

/** StartRestoreJob with the restore metadata recorded at backup time, each value editable. */
export async function startRestore({ region, vaultName, account, recoveryPoint, report }) {
  const rp = recoveryPoint.RecoveryPointArn;
  const restore = await backup(region, 'GET', path`/backup-vaults/${vaultName}/recovery-points/${rp}/restore-metadata`);
  const metadata = restore.RestoreMetadata ?? {};
  const answer = await formDialog({
    title: 'Restore a recovery point',
    summary: [h('p', {}, `A restore job writes recovery point ${rp} back as a new resource, with the metadata below `
      + '(recorded at backup time; change the target before restoring if needed).')],
    fields: [
      ...Object.entries(metadata).map(([key, value]) => ({ name: `metadata.${key}`, label: `Metadata: ${key}`, value })),
      { name: 'ResourceType', label: 'Resource type', value: restore.ResourceType ?? recoveryPoint.ResourceType ?? '', required: true },
      roleField(account),
    ],
    confirmLabel: 'Start restore',
    onConfirm: (v) => backup(region, 'PUT', '/restore-jobs', {
      body: {
        RecoveryPointArn: rp,
        Metadata: Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('metadata.')).map(([k, value]) => [k.slice('metadata.'.length), value])),
        ResourceType: v.ResourceType.trim(), IamRoleArn: v.IamRoleArn.trim(), IdempotencyToken: crypto.randomUUID(),
      },
    }),
  });
  if (answer?.RestoreJobId) started(report, 'restore', region, answer.RestoreJobId, 'Started');
}
