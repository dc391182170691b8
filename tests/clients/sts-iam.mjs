// Drives a running Arca server with the AWS SDK for JavaScript v3: STS and IAM end to end, and the error shapes
// of the services whose operations are not implemented yet. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… node sts-iam.mjs
// Prints one JSON line per check and exits non-zero at the first failure.
import { STSClient, GetCallerIdentityCommand, AssumeRoleCommand } from '@aws-sdk/client-sts';
import {
  IAMClient, CreateRoleCommand, GetRoleCommand, ListRolesCommand, PutRolePolicyCommand, GetRolePolicyCommand,
  ListRolePoliciesCommand, DeleteRolePolicyCommand, DeleteRoleCommand, UpdateAssumeRolePolicyCommand, UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
} from '@aws-sdk/client-iam';
import { OrganizationsClient, DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { KMSClient, ListGrantsCommand } from '@aws-sdk/client-kms';
import { BackupClient, ListBackupVaultsCommand, GetBackupVaultNotificationsCommand } from '@aws-sdk/client-backup';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'us-east-1', maxAttempts: 1 };
const root = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };

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

const sts = new STSClient({ ...base, credentials: root });
const iam = new IAMClient({ ...base, credentials: root });

const me = await sts.send(new GetCallerIdentityCommand({}));
check('GetCallerIdentity as root', me.Arn === `arn:aws:iam::${me.Account}:root`, me);
const account = me.Account;

const trust = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: 'sts:AssumeRole' }],
});
const created = await iam.send(new CreateRoleCommand({
  RoleName: 'js-role', Path: '/js/', AssumeRolePolicyDocument: trust, MaxSessionDuration: 7200, Tags: [{ Key: 'k', Value: 'v' }],
}));
check('CreateRole', created.Role.Arn === `arn:aws:iam::${account}:role/js/js-role` && created.Role.CreateDate instanceof Date, created.Role.Arn);

const got = await iam.send(new GetRoleCommand({ RoleName: 'js-role' }));
check('GetRole returns the URL-encoded trust policy', JSON.parse(decodeURIComponent(got.Role.AssumeRolePolicyDocument)).Statement[0].Action === 'sts:AssumeRole');
check('GetRole returns tags and duration', got.Role.Tags?.[0]?.Value === 'v' && got.Role.MaxSessionDuration === 7200);

const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/js/' }));
check('ListRoles', listed.Roles.length === 1 && listed.IsTruncated === false, listed.Roles.map(r => r.RoleName));

const dup = await error(iam.send(new CreateRoleCommand({ RoleName: 'JS-ROLE', AssumeRolePolicyDocument: trust })));
check('EntityAlreadyExists is typed', dup?.name === 'EntityAlreadyExistsException' && dup.status === 409, dup);

const malformed = await error(iam.send(new PutRolePolicyCommand({ RoleName: 'js-role', PolicyName: 'p', PolicyDocument: '{"Statement":[]}' })));
check('MalformedPolicyDocument is typed', malformed?.name === 'MalformedPolicyDocumentException', malformed);

await iam.send(new PutRolePolicyCommand({
  RoleName: 'js-role', PolicyName: 'read',
  PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: '*' }] }),
}));
const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'js-role' }));
check('ListRolePolicies', names.PolicyNames.join() === 'read', names.PolicyNames);
const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'js-role', PolicyName: 'read' }));
check('GetRolePolicy', decodeURIComponent(policy.PolicyDocument).includes('iam:GetRole'));
await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'js-role', PolicyDocument: trust }));

await iam.send(new UpdateRoleCommand({ RoleName: 'js-role', MaxSessionDuration: 10800 }));
const described = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: 'js-role', Description: 'restores' }));
check('UpdateRole and UpdateRoleDescription', described.Role.Description === 'restores' && described.Role.MaxSessionDuration === 10800, described.Role);
const tooLong = await error(iam.send(new UpdateRoleCommand({ RoleName: 'js-role', MaxSessionDuration: 60 })));
check('UpdateRole validates the duration', tooLong?.name === 'ValidationError' && tooLong.status === 400, tooLong);

const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: created.Role.Arn, RoleSessionName: 'js-session', DurationSeconds: 900 }));
check('AssumeRole', assumed.Credentials.AccessKeyId.startsWith('ASIA') && assumed.Credentials.Expiration instanceof Date, assumed.AssumedRoleUser);
const session = {
  accessKeyId: assumed.Credentials.AccessKeyId,
  secretAccessKey: assumed.Credentials.SecretAccessKey,
  sessionToken: assumed.Credentials.SessionToken,
};
const asRole = await new STSClient({ ...base, credentials: session }).send(new GetCallerIdentityCommand({}));
check('GetCallerIdentity as the session', asRole.Arn === `arn:aws:sts::${account}:assumed-role/js-role/js-session`, asRole.Arn);

const sessionIam = new IAMClient({ ...base, credentials: session });
await sessionIam.send(new GetRoleCommand({ RoleName: 'js-role' }));
const denied = await error(sessionIam.send(new DeleteRoleCommand({ RoleName: 'js-role' })));
check('A session is limited to its role policies', denied?.name === 'AccessDenied' || denied?.name === 'AccessDeniedException', denied);

const conflict = await error(iam.send(new DeleteRoleCommand({ RoleName: 'js-role' })));
check('DeleteConflict is typed', conflict?.name === 'DeleteConflictException', conflict);
await iam.send(new DeleteRolePolicyCommand({ RoleName: 'js-role', PolicyName: 'read' }));
await iam.send(new DeleteRoleCommand({ RoleName: 'js-role' }));
const gone = await error(iam.send(new GetRoleCommand({ RoleName: 'js-role' })));
check('NoSuchEntity is typed', gone?.name === 'NoSuchEntityException' && gone.status === 404, gone);

const badSig = await error(new STSClient({ ...base, credentials: { ...root, secretAccessKey: root.secretAccessKey + 'x' } }).send(new GetCallerIdentityCommand({})));
check('A wrong secret is SignatureDoesNotMatch', badSig?.name === 'SignatureDoesNotMatch', badSig);

const orgs = await error(new OrganizationsClient({ ...base, credentials: root }).send(new DescribeOrganizationCommand({})));
check('Organizations answers a parsed awsJson error', orgs?.name === 'AWSOrganizationsNotInUseException' && orgs.status === 404, orgs);
const kms = await error(new KMSClient({ ...base, credentials: root }).send(new ListGrantsCommand({ KeyId: 'alias/none' })));
check('KMS answers a parsed awsJson error', kms?.name === 'UnsupportedOperationException' && kms.message.includes('ListGrants'), kms);
const backup = await error(new BackupClient({ ...base, credentials: root }).send(new GetBackupVaultNotificationsCommand({ BackupVaultName: 'cabvault' })));
check('Backup answers a parsed restJson error', backup?.name === 'UnsupportedOperationException' && backup.message.includes('GetBackupVaultNotifications'), backup);
const region = await error(new BackupClient({ ...base, region: 'ap-south-1', credentials: root }).send(new ListBackupVaultsCommand({})));
check('An unserved region is refused', region?.name === 'UnrecognizedClientException', region);

console.log(JSON.stringify({ done: true }));
