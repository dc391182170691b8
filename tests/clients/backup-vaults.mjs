// Drives a running Arca server's backup vaults, access policies, vault lock, recovery points and protected resources with
// the AWS SDK for JavaScript v3, error shapes included. The test that runs it has created the vault ARCA_RP_VAULT holding
// two recovery points of the resource ARCA_RP_RESOURCE (ARCA_RP_ARN is the older one, with DeleteAfterDays 35). Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… ARCA_RP_VAULT=… ARCA_RP_ARN=… ARCA_RP_RESOURCE=… node backup-vaults.mjs
// Prints one JSON line per check and exits non-zero at the first failure.
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { KMSClient, CreateKeyCommand, DisableKeyCommand } from '@aws-sdk/client-kms';
import {
  BackupClient, CreateBackupVaultCommand, DescribeBackupVaultCommand, DeleteBackupVaultCommand, paginateListBackupVaults,
  PutBackupVaultAccessPolicyCommand, GetBackupVaultAccessPolicyCommand, DeleteBackupVaultAccessPolicyCommand,
  PutBackupVaultLockConfigurationCommand, DeleteBackupVaultLockConfigurationCommand, GetBackupVaultNotificationsCommand,
  DescribeRecoveryPointCommand, UpdateRecoveryPointLifecycleCommand, DeleteRecoveryPointCommand, paginateListRecoveryPointsByBackupVault,
  ListRecoveryPointsByResourceCommand, ListProtectedResourcesCommand, DescribeProtectedResourceCommand, ListTagsCommand, TagResourceCommand,
} from '@aws-sdk/client-backup';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'us-east-1', maxAttempts: 1 };
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
const backup = new BackupClient({ ...base, credentials });
const kms = new KMSClient({ ...base, credentials });
const rpVault = process.env.ARCA_RP_VAULT;
const rpArn = process.env.ARCA_RP_ARN;
const resourceArn = process.env.ARCA_RP_RESOURCE;

function check(name, condition, detail) {
  console.log(JSON.stringify({ check: name, ok: Boolean(condition), detail }));
  if (!condition) {
    process.exit(1);
  }
}

async function error(promise) {
  try {
    await promise;
    return null;
  } catch (e) {
    return { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
}

const account = (await new STSClient({ ...base, credentials }).send(new GetCallerIdentityCommand({}))).Account;

// Vaults under a customer managed key and under aws/backup.
const key = (await kms.send(new CreateKeyCommand({ Description: 'js vault key' }))).KeyMetadata;
const created = await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'js-vault', EncryptionKeyArn: key.Arn, BackupVaultTags: { team: 'js' } }));
check('CreateBackupVault', created.BackupVaultArn === `arn:aws:backup:us-east-1:${account}:backup-vault:js-vault` && created.CreationDate instanceof Date, created);
const described = await backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'js-vault' }));
check('DescribeBackupVault reports the customer key', described.EncryptionKeyArn === key.Arn && described.EncryptionKeyType === 'CUSTOMER_MANAGED_KMS_KEY'
  && described.VaultType === 'BACKUP_VAULT' && described.VaultState === 'AVAILABLE' && described.NumberOfRecoveryPoints === 0 && described.Locked === false
  && typeof described.CreatorRequestId === 'string', described);
await backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'js-default' }));
const defaultVault = await backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'js-default' }));
check('A vault without a key uses aws/backup, reported as AWS_OWNED_KMS_KEY', defaultVault.EncryptionKeyType === 'AWS_OWNED_KMS_KEY'
  && defaultVault.EncryptionKeyArn.startsWith(`arn:aws:kms:us-east-1:${account}:key/`), defaultVault);
const tags = await backup.send(new ListTagsCommand({ ResourceArn: created.BackupVaultArn }));
check('BackupVaultTags are the vault\'s tags', tags.Tags.team === 'js', tags);
const duplicate = await error(backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'js-vault' })));
check('A taken name is an AlreadyExistsException', duplicate?.name === 'AlreadyExistsException' && duplicate.status === 400
  && duplicate.message.includes('A backup vault named js-vault already exists'), duplicate);
const badName = await error(backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'no.dots' })));
check('A bad name is refused naming the field', badName?.name === 'InvalidParameterValueException' && badName.message.startsWith("BackupVaultName: 'no.dots'"), badName);
const disabledKey = (await kms.send(new CreateKeyCommand({}))).KeyMetadata;
await kms.send(new DisableKeyCommand({ KeyId: disabledKey.KeyId }));
const unusable = await error(backup.send(new CreateBackupVaultCommand({ BackupVaultName: 'js-disabled', EncryptionKeyArn: disabledKey.Arn })));
check('A disabled key gets AWS Backup\'s message', unusable?.name === 'InvalidRequestException'
  && unusable.message === 'KMS key is either disabled or pending deletion or access to KMS key is denied', unusable);
const missing = await error(backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'nope' })));
check('An unknown vault is a ResourceNotFoundException with status 400', missing?.name === 'ResourceNotFoundException' && missing.status === 400
  && missing.message === `Backup vault nope not found in account ${account} and region us-east-1`, missing);

const names = [];
let pages = 0;
for await (const page of paginateListBackupVaults({ client: backup, pageSize: 1 }, {})) {
  pages++;
  names.push(...page.BackupVaultList.map(v => v.BackupVaultName));
}
check('paginateListBackupVaults follows NextToken', pages >= 3 && ['js-default', 'js-vault', rpVault].every(n => names.includes(n)), { pages, names });

// Access policies.
const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'copy-in', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'backup:CopyIntoBackupVault', Resource: '*' }] });
await backup.send(new PutBackupVaultAccessPolicyCommand({ BackupVaultName: 'js-vault', Policy: policy }));
const gotPolicy = await backup.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: 'js-vault' }));
check('GetBackupVaultAccessPolicy returns the policy as put', gotPolicy.Policy === policy && gotPolicy.BackupVaultArn === created.BackupVaultArn, gotPolicy);
const malformed = await error(backup.send(new PutBackupVaultAccessPolicyCommand({ BackupVaultName: 'js-vault', Policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"backup:*","Resource":"*"}]}' })));
check('A policy without Principal is refused naming the problem', malformed?.name === 'InvalidParameterValueException' && malformed.message.startsWith('Policy: ')
  && malformed.message.includes('Principal'), malformed);
await backup.send(new DeleteBackupVaultAccessPolicyCommand({ BackupVaultName: 'js-vault' }));
const noPolicy = await error(backup.send(new GetBackupVaultAccessPolicyCommand({ BackupVaultName: 'js-vault' })));
check('After DeleteBackupVaultAccessPolicy there is none', noPolicy?.name === 'ResourceNotFoundException', noPolicy);

// Vault lock.
await backup.send(new PutBackupVaultLockConfigurationCommand({ BackupVaultName: 'js-vault', MinRetentionDays: 7, MaxRetentionDays: 365, ChangeableForDays: 3 }));
const locked = await backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'js-vault' }));
const threeDays = locked.LockDate.getTime() - Date.now();
check('A lock shows Locked, its bounds and a LockDate three days out', locked.Locked === true && locked.MinRetentionDays === 7 && locked.MaxRetentionDays === 365
  && threeDays > 3 * 86400e3 - 600e3 && threeDays <= 3 * 86400e3 + 60e3, locked);
for (const [input, field] of [[{ MinRetentionDays: 0 }, 'MinRetentionDays'], [{ MaxRetentionDays: 36501 }, 'MaxRetentionDays'],
  [{ MinRetentionDays: 9, MaxRetentionDays: 8 }, 'MinRetentionDays'], [{ ChangeableForDays: 2 }, 'ChangeableForDays']]) {
  const bad = await error(backup.send(new PutBackupVaultLockConfigurationCommand({ BackupVaultName: 'js-vault', ...input })));
  check(`A bad lock is refused naming ${field}`, bad?.name === 'InvalidParameterValueException' && bad.message.startsWith(`${field}: `), bad);
}
await backup.send(new DeleteBackupVaultLockConfigurationCommand({ BackupVaultName: 'js-vault' }));
check('During the cooling-off period the lock can be deleted', (await backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'js-vault' }))).Locked === false);
const notifications = await error(backup.send(new GetBackupVaultNotificationsCommand({ BackupVaultName: 'js-vault' })));
check('Vault notifications are a clear unsupported operation', notifications?.name === 'UnsupportedOperationException' && notifications.message.includes('GetBackupVaultNotifications'), notifications);

// Recovery points.
const listed = [];
for await (const page of paginateListRecoveryPointsByBackupVault({ client: backup, pageSize: 1 }, { BackupVaultName: rpVault })) {
  listed.push(...page.RecoveryPoints);
}
check('paginateListRecoveryPointsByBackupVault lists both', listed.length === 2 && listed[0].RecoveryPointArn === rpArn
  && listed.every(p => p.Status === 'COMPLETED' && p.CreationDate instanceof Date && p.ResourceArn === resourceArn), listed);
const point = await backup.send(new DescribeRecoveryPointCommand({ BackupVaultName: rpVault, RecoveryPointArn: rpArn }));
check('DescribeRecoveryPoint with its calculated lifecycle', point.StorageClass === 'WARM' && point.Lifecycle.DeleteAfterDays === 35
  && point.CalculatedLifecycle.DeleteAt.getTime() - point.CreationDate.getTime() === 35 * 86400e3 && point.IsEncrypted === true, point);
const byResource = await backup.send(new ListRecoveryPointsByResourceCommand({ ResourceArn: resourceArn }));
check('ListRecoveryPointsByResource uses BackupSizeBytes', byResource.RecoveryPoints.length === 2
  && byResource.RecoveryPoints.every(p => typeof p.BackupSizeBytes === 'number' && p.BackupVaultName === rpVault), byResource);
const resources = await backup.send(new ListProtectedResourcesCommand({}));
const resource = await backup.send(new DescribeProtectedResourceCommand({ ResourceArn: resourceArn }));
check('The resource is protected; its latest recovery point is the newer one', resources.Results.some(r => r.ResourceArn === resourceArn)
  && resource.LastRecoveryPointArn === listed[1].RecoveryPointArn && resource.LastBackupTime instanceof Date, resource);
const updated = await backup.send(new UpdateRecoveryPointLifecycleCommand({ BackupVaultName: rpVault, RecoveryPointArn: rpArn, Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 120 } }));
check('UpdateRecoveryPointLifecycle returns the calculated lifecycle', updated.Lifecycle.DeleteAfterDays === 120
  && updated.CalculatedLifecycle.MoveToColdStorageAt.getTime() - point.CreationDate.getTime() === 30 * 86400e3, updated);
const coldRule = await error(backup.send(new UpdateRecoveryPointLifecycleCommand({ BackupVaultName: rpVault, RecoveryPointArn: rpArn, Lifecycle: { MoveToColdStorageAfterDays: 30, DeleteAfterDays: 60 } })));
check('The 90-day cold storage rule', coldRule?.name === 'InvalidParameterValueException' && coldRule.message.startsWith('Lifecycle.DeleteAfterDays: Invalid lifecycle.'), coldRule);
await backup.send(new TagResourceCommand({ ResourceArn: rpArn, Tags: { keep: 'yes' } }));
check('Recovery point tags', (await backup.send(new ListTagsCommand({ ResourceArn: rpArn }))).Tags.keep === 'yes');

const deny = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Principal: '*', Action: 'backup:DeleteRecoveryPoint', Resource: '*' }] });
await backup.send(new PutBackupVaultAccessPolicyCommand({ BackupVaultName: rpVault, Policy: deny }));
const denied = await error(backup.send(new DeleteRecoveryPointCommand({ BackupVaultName: rpVault, RecoveryPointArn: rpArn })));
check('A vault policy Deny on DeleteRecoveryPoint holds for the root', denied?.name === 'AccessDeniedException' && denied.status === 403
  && denied.message.endsWith('with an explicit deny in a resource-based policy'), denied);
const notEmpty = await error(backup.send(new DeleteBackupVaultCommand({ BackupVaultName: rpVault })));
check('A vault with recovery points cannot be deleted', notEmpty?.name === 'InvalidRequestException'
  && notEmpty.message === 'Backup vault cannot be deleted (contains 2 recovery points)', notEmpty);
await backup.send(new DeleteBackupVaultAccessPolicyCommand({ BackupVaultName: rpVault }));
for (const p of listed) {
  await backup.send(new DeleteRecoveryPointCommand({ BackupVaultName: rpVault, RecoveryPointArn: p.RecoveryPointArn }));
}
const gone = await error(backup.send(new DescribeRecoveryPointCommand({ BackupVaultName: rpVault, RecoveryPointArn: rpArn })));
check('A deleted recovery point is not found', gone?.name === 'ResourceNotFoundException' && gone.message === `Recovery point ${rpArn} not found in backup vault ${rpVault}`, gone);
const badArn = await error(backup.send(new DescribeRecoveryPointCommand({ BackupVaultName: rpVault, RecoveryPointArn: 'arn:aws:ec2:us-east-1::snapshot/snap-1' })));
check('A non-Backup recovery point ARN is refused naming the field', badArn?.name === 'InvalidParameterValueException' && badArn.message.startsWith('RecoveryPointArn: '), badArn);
await backup.send(new DeleteBackupVaultCommand({ BackupVaultName: rpVault }));
await backup.send(new DeleteBackupVaultCommand({ BackupVaultName: 'js-vault' }));
const after = await error(backup.send(new DescribeBackupVaultCommand({ BackupVaultName: 'js-vault' })));
check('DeleteBackupVault removes empty vaults', after?.name === 'ResourceNotFoundException', after);

console.log(JSON.stringify({ done: true }));
