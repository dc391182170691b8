// Drives a running Arca server's KMS with the AWS SDK for JavaScript v3, as two accounts: "one member cannot use another
// member's key unless its key policy allows it". Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT A_ACCESS_KEY_ID=… A_SECRET_ACCESS_KEY=… B_ACCESS_KEY_ID=… B_SECRET_ACCESS_KEY=… node kms.mjs
// Prints one JSON line per check and exits non-zero at the first failure.
import {
  KMSClient, CreateKeyCommand, DescribeKeyCommand, CreateAliasCommand, ListAliasesCommand, GetKeyPolicyCommand, PutKeyPolicyCommand,
  EncryptCommand, DecryptCommand, GenerateDataKeyCommand, DisableKeyCommand, EnableKeyCommand, ScheduleKeyDeletionCommand,
  CancelKeyDeletionCommand, ListGrantsCommand, TagResourceCommand, ListResourceTagsCommand, ReEncryptCommand, paginateListKeys,
} from '@aws-sdk/client-kms';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'us-east-1', maxAttempts: 1 };
const credentialsA = { accessKeyId: process.env.A_ACCESS_KEY_ID, secretAccessKey: process.env.A_SECRET_ACCESS_KEY };
const credentialsB = { accessKeyId: process.env.B_ACCESS_KEY_ID, secretAccessKey: process.env.B_SECRET_ACCESS_KEY };

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

const a = new KMSClient({ ...base, credentials: credentialsA });
const b = new KMSClient({ ...base, credentials: credentialsB });
const accountA = (await new STSClient({ ...base, credentials: credentialsA }).send(new GetCallerIdentityCommand({}))).Account;
const accountB = (await new STSClient({ ...base, credentials: credentialsB }).send(new GetCallerIdentityCommand({}))).Account;
check('two accounts', accountA && accountB && accountA !== accountB, { accountA, accountB });

const created = await a.send(new CreateKeyCommand({ Description: 'shared with B later', Tags: [{ TagKey: 'team', TagValue: 'blue' }] }));
const key = created.KeyMetadata;
check('CreateKey', key.Arn === `arn:aws:kms:us-east-1:${accountA}:key/${key.KeyId}` && key.KeyManager === 'CUSTOMER'
  && key.KeyState === 'Enabled' && key.CreationDate instanceof Date && key.EncryptionAlgorithms?.[0] === 'SYMMETRIC_DEFAULT', key);
await a.send(new CreateAliasCommand({ AliasName: 'alias/js-shared', TargetKeyId: key.KeyId }));
const aliases = await a.send(new ListAliasesCommand({}));
check('ListAliases', aliases.Aliases.some(x => x.AliasName === 'alias/js-shared' && x.TargetKeyId === key.KeyId)
  && aliases.Aliases.some(x => x.AliasName === 'alias/aws/backup'), aliases.Aliases.map(x => x.AliasName));
const tags = await a.send(new ListResourceTagsCommand({ KeyId: key.KeyId }));
check('ListResourceTags', tags.Tags?.[0]?.TagValue === 'blue' && tags.Truncated === false, tags.Tags);

const aliasArn = `arn:aws:kms:us-east-1:${accountA}:alias/js-shared`;
const plaintext = new TextEncoder().encode('backup data key');
const denied = await error(b.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: plaintext })));
check('Encrypt from B is denied', denied?.name === 'AccessDeniedException' && denied.status === 400
  && denied.message.includes(`arn:aws:iam::${accountB}:root`) && denied.message.includes('kms:Encrypt'), denied);
const deniedDescribe = await error(b.send(new DescribeKeyCommand({ KeyId: key.Arn })));
check('DescribeKey from B is denied', deniedDescribe?.name === 'AccessDeniedException', deniedDescribe);

const policy = JSON.parse((await a.send(new GetKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default' }))).Policy);
check('default key policy', policy.Statement[0].Sid === 'Enable IAM User Permissions' && policy.Statement[0].Principal.AWS === `arn:aws:iam::${accountA}:root`, policy);
policy.Statement.push({
  Sid: 'Allow account B', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountB}:root` },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'], Resource: '*',
});
await a.send(new PutKeyPolicyCommand({ KeyId: key.KeyId, PolicyName: 'default', Policy: JSON.stringify(policy) }));

const context = { 'aws:backup:vault-arn': `arn:aws:backup:us-east-1:${accountB}:backup-vault:cabvault` };
const encrypted = await b.send(new EncryptCommand({ KeyId: aliasArn, Plaintext: plaintext, EncryptionContext: context }));
check('Encrypt from B is allowed once the key policy names B', encrypted.KeyId === key.Arn && encrypted.CiphertextBlob instanceof Uint8Array, encrypted.KeyId);
const decryptedByA = await a.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context }));
check('Decrypt by A', new TextDecoder().decode(decryptedByA.Plaintext) === 'backup data key' && decryptedByA.KeyId === key.Arn, decryptedByA.KeyId);
const decryptedByB = await b.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: context, KeyId: key.Arn }));
check('Decrypt by B', new TextDecoder().decode(decryptedByB.Plaintext) === 'backup data key', decryptedByB.KeyId);
const wrongContext = await error(a.send(new DecryptCommand({ CiphertextBlob: encrypted.CiphertextBlob, EncryptionContext: { other: 'x' } })));
check('another encryption context is InvalidCiphertext', wrongContext?.name === 'InvalidCiphertextException' && wrongContext.status === 400, wrongContext);

const dataKey = await b.send(new GenerateDataKeyCommand({ KeyId: key.Arn, KeySpec: 'AES_256', EncryptionContext: context }));
check('GenerateDataKey from B', dataKey.Plaintext.length === 32 && dataKey.KeyId === key.Arn, dataKey.KeyId);
const ownKey = (await b.send(new CreateKeyCommand({}))).KeyMetadata;
const reEncrypted = await b.send(new ReEncryptCommand({
  CiphertextBlob: dataKey.CiphertextBlob, SourceEncryptionContext: context, DestinationKeyId: ownKey.KeyId,
}));
check('ReEncrypt from A\'s key to B\'s own key', reEncrypted.SourceKeyId === key.Arn && reEncrypted.KeyId === ownKey.Arn, reEncrypted);

const manage = await error(b.send(new DisableKeyCommand({ KeyId: key.Arn })));
check('B cannot manage A\'s key', manage?.name === 'NotFoundException' && manage.status === 404, manage);
const tag = await error(b.send(new TagResourceCommand({ KeyId: key.Arn, Tags: [{ TagKey: 'k', TagValue: 'v' }] })));
check('B cannot tag A\'s key', tag?.name === 'NotFoundException', tag);

await a.send(new DisableKeyCommand({ KeyId: key.KeyId }));
const disabled = await error(b.send(new EncryptCommand({ KeyId: key.Arn, Plaintext: plaintext })));
check('a disabled key is DisabledException', disabled?.name === 'DisabledException' && disabled.status === 409, disabled);
await a.send(new EnableKeyCommand({ KeyId: key.KeyId }));

const scheduled = await a.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
check('ScheduleKeyDeletion', scheduled.KeyState === 'PendingDeletion' && scheduled.DeletionDate instanceof Date && scheduled.PendingWindowInDays === 7, scheduled);
const pending = await error(a.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: plaintext })));
check('a key pending deletion is KMSInvalidState', pending?.name === 'KMSInvalidStateException' && pending.status === 409, pending);
const cancelled = await a.send(new CancelKeyDeletionCommand({ KeyId: key.KeyId }));
const afterCancel = (await a.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata;
check('CancelKeyDeletion leaves the key disabled', cancelled.KeyId === key.Arn && afterCancel.KeyState === 'Disabled', afterCancel.KeyState);

const backupKey = (await a.send(new DescribeKeyCommand({ KeyId: 'alias/aws/backup' }))).KeyMetadata;
check('alias/aws/backup is an AWS managed key', backupKey.KeyManager === 'AWS'
  && backupKey.Description === 'Default key that protects my backups when no other key is defined', backupKey);
const managed = await error(b.send(new DescribeKeyCommand({ KeyId: backupKey.Arn })));
check('another account cannot use alias/aws/backup', managed?.name === 'AccessDeniedException', managed);

await a.send(new CreateKeyCommand({}));
const seen = [];
for await (const page of paginateListKeys({ client: a, pageSize: 1 }, {})) {
  seen.push(...page.Keys.map(k => k.KeyId));
}
check('ListKeys pages one key at a time', seen.length === 3 && seen.includes(key.KeyId) && seen.includes(backupKey.KeyId), seen);

const grants = await error(a.send(new ListGrantsCommand({ KeyId: key.KeyId })));
check('an unimplemented operation names itself', grants?.name === 'UnsupportedOperationException' && grants.message.includes('ListGrants'), grants);

console.log(JSON.stringify({ done: true }));
