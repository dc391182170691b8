// Drives a running Arca server with the AWS SDK for JavaScript v3: the structure half of Organizations (organization,
// root, OUs, accounts, trusted access, delegated administrators), the access role of created accounts, and the error
// shapes. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… node organizations.mjs
// The keys are the root of an account in no organization. Prints one JSON line per check and exits non-zero at the
// first failure.
import {
  OrganizationsClient, CreateOrganizationCommand, DescribeOrganizationCommand, ListRootsCommand, CreateOrganizationalUnitCommand,
  DescribeOrganizationalUnitCommand, UpdateOrganizationalUnitCommand, DeleteOrganizationalUnitCommand, CreateAccountCommand,
  DescribeCreateAccountStatusCommand, ListCreateAccountStatusCommand, DescribeAccountCommand, MoveAccountCommand, ListChildrenCommand,
  ListParentsCommand, ListAccountsForParentCommand, RemoveAccountFromOrganizationCommand, DeleteOrganizationCommand,
  EnableAWSServiceAccessCommand, ListAWSServiceAccessForOrganizationCommand, RegisterDelegatedAdministratorCommand,
  ListDelegatedAdministratorsCommand, ListDelegatedServicesForAccountCommand, DeregisterDelegatedAdministratorCommand,
  ListAccountsCommand, DescribeEffectivePolicyCommand, paginateListAccounts, paginateListOrganizationalUnitsForParent,
} from '@aws-sdk/client-organizations';
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'eu-west-1', maxAttempts: 1 };
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

const orgs = new OrganizationsClient({ ...base, credentials: root });
const me = await new STSClient({ ...base, credentials: root }).send(new GetCallerIdentityCommand({}));
const management = me.Account;

const notInUse = await error(orgs.send(new DescribeOrganizationCommand({})));
check('Outside an organization: AWSOrganizationsNotInUseException 404', notInUse?.name === 'AWSOrganizationsNotInUseException' && notInUse.status === 404, notInUse);

const { Organization: org } = await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
check('CreateOrganization', /^o-[a-z0-9]{10}$/.test(org.Id) && org.MasterAccountId === management && org.FeatureSet === 'ALL'
  && org.Arn === `arn:aws:organizations::${management}:organization/${org.Id}`, org);
const again = await error(orgs.send(new CreateOrganizationCommand({})));
check('AlreadyInOrganizationException 409', again?.name === 'AlreadyInOrganizationException' && again.status === 409, again);
check('DescribeOrganization', (await orgs.send(new DescribeOrganizationCommand({}))).Organization.Id === org.Id);

const { Roots: [rootNode] } = await orgs.send(new ListRootsCommand({}));
check('ListRoots', /^r-[0-9a-z]{4}$/.test(rootNode.Id) && rootNode.PolicyTypes[0]?.Type === 'SERVICE_CONTROL_POLICY', rootNode);

const { OrganizationalUnit: prod } = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootNode.Id, Name: 'Prod' }));
check('CreateOrganizationalUnit', prod.Id.startsWith(`ou-${rootNode.Id.slice(2)}-`) && prod.Path === `${org.Id}/${rootNode.Id}/${prod.Id}/`, prod);
const { OrganizationalUnit: web } = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: prod.Id, Name: 'Web' }));
await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootNode.Id, Name: 'Dev' }));
const duplicate = await error(orgs.send(new CreateOrganizationalUnitCommand({ ParentId: rootNode.Id, Name: 'Prod' })));
check('DuplicateOrganizationalUnitException 409', duplicate?.name === 'DuplicateOrganizationalUnitException' && duplicate.status === 409, duplicate);
const renamed = await orgs.send(new UpdateOrganizationalUnitCommand({ OrganizationalUnitId: web.Id, Name: 'Frontend' }));
check('UpdateOrganizationalUnit', renamed.OrganizationalUnit.Name === 'Frontend'
  && (await orgs.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: web.Id }))).OrganizationalUnit.Name === 'Frontend');
const ous = [];
for await (const page of paginateListOrganizationalUnitsForParent({ client: orgs, pageSize: 1 }, { ParentId: rootNode.Id })) {
  ous.push(...page.OrganizationalUnits.map(u => u.Name));
}
check('ListOrganizationalUnitsForParent pages one at a time', ous.sort().join() === 'Dev,Prod', ous);

const created = {};
for (const name of ['SourceAccount', 'DestinationAccount']) {
  const { CreateAccountStatus: status } = await orgs.send(new CreateAccountCommand({ Email: `${name.toLowerCase()}@example.com`, AccountName: name }));
  check(`CreateAccount ${name}`, status.State === 'SUCCEEDED' && /^car-[a-z0-9]{32}$/.test(status.Id) && status.RequestedTimestamp instanceof Date
    && /^\d{12}$/.test(status.AccountId), status);
  const described = await orgs.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id }));
  check(`DescribeCreateAccountStatus ${name}`, described.CreateAccountStatus.AccountId === status.AccountId);
  created[name] = status.AccountId;
}
const { CreateAccountStatus: dup } = await orgs.send(new CreateAccountCommand({ Email: 'sourceaccount@example.com', AccountName: 'Again' }));
check('A taken email is a FAILED request', dup.State === 'FAILED' && dup.FailureReason === 'EMAIL_ALREADY_EXISTS' && dup.AccountId === undefined, dup);
const failures = await orgs.send(new ListCreateAccountStatusCommand({ States: ['FAILED'] }));
check('ListCreateAccountStatus filters by state', failures.CreateAccountStatuses.length === 1 && failures.CreateAccountStatuses[0].Id === dup.Id);

const accounts = [];
for await (const page of paginateListAccounts({ client: orgs, pageSize: 1 }, {})) {
  accounts.push(...page.Accounts);
}
check('ListAccounts pages through every account', accounts.length === 3 && accounts.every(a => a.Status === 'ACTIVE' && a.JoinedTimestamp instanceof Date),
  accounts.map(a => a.Name));
check('The management account joined by invitation', accounts.find(a => a.Id === management)?.JoinedMethod === 'INVITED');

const source = created.SourceAccount;
await orgs.send(new MoveAccountCommand({ AccountId: source, SourceParentId: rootNode.Id, DestinationParentId: prod.Id }));
const moved = (await orgs.send(new DescribeAccountCommand({ AccountId: source }))).Account;
check('MoveAccount and DescribeAccount', moved.Name === 'SourceAccount' && moved.JoinedMethod === 'CREATED'
  && moved.Arn === `arn:aws:organizations::${management}:account/${org.Id}/${source}`, moved);
const wrongSource = await error(orgs.send(new MoveAccountCommand({ AccountId: source, SourceParentId: rootNode.Id, DestinationParentId: web.Id })));
check('SourceParentNotFoundException 404', wrongSource?.name === 'SourceParentNotFoundException' && wrongSource.status === 404, wrongSource);
const children = await orgs.send(new ListChildrenCommand({ ParentId: prod.Id, ChildType: 'ACCOUNT' }));
check('ListChildren', children.Children.length === 1 && children.Children[0].Id === source && children.Children[0].Type === 'ACCOUNT', children.Children);
const parents = await orgs.send(new ListParentsCommand({ ChildId: web.Id }));
check('ListParents', parents.Parents[0].Id === prod.Id && parents.Parents[0].Type === 'ORGANIZATIONAL_UNIT', parents.Parents);
check('ListAccountsForParent', (await orgs.send(new ListAccountsForParentCommand({ ParentId: prod.Id }))).Accounts[0].Id === source);
const notEmpty = await error(orgs.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: prod.Id })));
check('OrganizationalUnitNotEmptyException 409', notEmpty?.name === 'OrganizationalUnitNotEmptyException' && notEmpty.status === 409, notEmpty);
await orgs.send(new DeleteOrganizationalUnitCommand({ OrganizationalUnitId: web.Id }));

await orgs.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'backup.amazonaws.com' }));
const access = await orgs.send(new ListAWSServiceAccessForOrganizationCommand({}));
check('Trusted access for backup', access.EnabledServicePrincipals[0]?.ServicePrincipal === 'backup.amazonaws.com'
  && access.EnabledServicePrincipals[0].DateEnabled instanceof Date, access.EnabledServicePrincipals);
const badPrincipal = await error(orgs.send(new EnableAWSServiceAccessCommand({ ServicePrincipal: 'backup' })));
check('InvalidInputException 400 names the field', badPrincipal?.name === 'InvalidInputException' && badPrincipal.status === 400
  && badPrincipal.message.includes('ServicePrincipal'), badPrincipal);
await orgs.send(new RegisterDelegatedAdministratorCommand({ AccountId: created.DestinationAccount, ServicePrincipal: 'backup.amazonaws.com' }));
const admins = await orgs.send(new ListDelegatedAdministratorsCommand({}));
check('ListDelegatedAdministrators', admins.DelegatedAdministrators[0]?.Id === created.DestinationAccount
  && admins.DelegatedAdministrators[0].DelegationEnabledDate instanceof Date, admins.DelegatedAdministrators);
const services = await orgs.send(new ListDelegatedServicesForAccountCommand({ AccountId: created.DestinationAccount }));
check('ListDelegatedServicesForAccount', services.DelegatedServices[0]?.ServicePrincipal === 'backup.amazonaws.com');
await orgs.send(new DeregisterDelegatedAdministratorCommand({ AccountId: created.DestinationAccount, ServicePrincipal: 'backup.amazonaws.com' }));

const missing = await error(orgs.send(new DescribeAccountCommand({ AccountId: '111111111111' })));
check('AccountNotFoundException 404', missing?.name === 'AccountNotFoundException' && missing.status === 404, missing);
const noChild = await error(orgs.send(new ListParentsCommand({ ChildId: '111111111111' })));
check('ChildNotFoundException 404', noChild?.name === 'ChildNotFoundException' && noChild.status === 404, noChild);
const badMax = await error(orgs.send(new ListAccountsCommand({ MaxResults: 50 })));
check('MaxResults above 20 is InvalidInputException', badMax?.name === 'InvalidInputException' && badMax.message.includes('MaxResults'), badMax);
const policies = await error(orgs.send(new DescribeEffectivePolicyCommand({ PolicyType: 'BACKUP_POLICY' })));
check('Backup policies not enabled: EffectivePolicyNotFoundException 400 (organizations-policies.mjs covers policies)',
  policies?.name === 'EffectivePolicyNotFoundException' && policies.status === 400, policies);

const assumed = await new STSClient({ ...base, credentials: root }).send(new AssumeRoleCommand({
  RoleArn: `arn:aws:iam::${source}:role/OrganizationAccountAccessRole`, RoleSessionName: 'js-admin',
}));
const session = {
  accessKeyId: assumed.Credentials.AccessKeyId, secretAccessKey: assumed.Credentials.SecretAccessKey, sessionToken: assumed.Credentials.SessionToken,
};
const asMember = await new STSClient({ ...base, credentials: session }).send(new GetCallerIdentityCommand({}));
check('The management account assumes the access role', asMember.Account === source
  && asMember.Arn === `arn:aws:sts::${source}:assumed-role/OrganizationAccountAccessRole/js-admin`, asMember);
const memberOrgs = new OrganizationsClient({ ...base, credentials: session });
check('A member describes its organization', (await memberOrgs.send(new DescribeOrganizationCommand({}))).Organization.Id === org.Id);
const denied = await error(memberOrgs.send(new ListAccountsCommand({})));
check('A member may not list accounts: AccessDeniedException 403', denied?.name === 'AccessDeniedException' && denied.status === 403, denied);
const role = await new IAMClient({ ...base, credentials: session }).send(new CreateRoleCommand({
  RoleName: 'cabrole',
  AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
}));
check('The access role administers the member', role.Role.Arn === `arn:aws:iam::${source}:role/cabrole`, role.Role.Arn);

await orgs.send(new RemoveAccountFromOrganizationCommand({ AccountId: source }));
const gone = await error(memberOrgs.send(new DescribeOrganizationCommand({})));
check('A removed account is in no organization', gone?.name === 'AWSOrganizationsNotInUseException', gone);
const leaveFirst = await error(orgs.send(new DeleteOrganizationCommand({})));
check('OrganizationNotEmptyException 409', leaveFirst?.name === 'OrganizationNotEmptyException' && leaveFirst.status === 409, leaveFirst);
const master = await error(orgs.send(new RemoveAccountFromOrganizationCommand({ AccountId: management })));
check('MasterCannotLeaveOrganizationException 409', master?.name === 'MasterCannotLeaveOrganizationException' && master.status === 409, master);

console.log(JSON.stringify({ done: true }));
