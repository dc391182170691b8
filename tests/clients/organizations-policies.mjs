// Drives a running Arca server with the AWS SDK for JavaScript v3: Organizations backup policies (policy types, policies,
// attachments in order, effective policies) and their error shapes, plus Backup's global settings. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… node organizations-policies.mjs
// The keys are the root of an account in no organization. Prints one JSON line per check and exits non-zero at the
// first failure.
import {
  OrganizationsClient, CreateOrganizationCommand, ListRootsCommand, CreateOrganizationalUnitCommand, CreateAccountCommand, MoveAccountCommand,
  EnablePolicyTypeCommand, DisablePolicyTypeCommand, CreatePolicyCommand, UpdatePolicyCommand, DescribePolicyCommand, DeletePolicyCommand,
  AttachPolicyCommand, DetachPolicyCommand, ListPoliciesForTargetCommand, ListTargetsForPolicyCommand, DescribeEffectivePolicyCommand,
  paginateListPolicies,
} from '@aws-sdk/client-organizations';
import { BackupClient, UpdateGlobalSettingsCommand, DescribeGlobalSettingsCommand } from '@aws-sdk/client-backup';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'us-east-1', maxAttempts: 1 };
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };

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

const orgs = new OrganizationsClient({ ...base, credentials });
const backup = new BackupClient({ ...base, credentials });
const assign = (value) => ({ '@@assign': value });
const rootPolicy = { plans: { org_daily: {
  regions: { '@@operators_allowed_for_child_policies': ['@@append'], '@@assign': ['us-east-1'] },
  rules: { daily: { schedule_expression: assign('cron(0 5 ? * * *)'), target_backup_vault_name: assign('org-vault') } },
  selections: { tags: { backup: { iam_role_arn: assign('arn:aws:iam::$account:role/BackupRole'), tag_key: assign('backup'), tag_value: assign(['daily']) } } },
} } };
const ouPolicy = { plans: { org_daily: {
  regions: { '@@append': ['eu-west-1'] },
  selections: { tags: { backup: { tag_value: { '@@append': ['critical'] } } } },
} } };
const reassign = { plans: { org_daily: { regions: assign(['ap-south-1']) } } };
const create = (Name, content) => orgs.send(new CreatePolicyCommand({ Name, Description: `${Name} policy`, Type: 'BACKUP_POLICY', Content: JSON.stringify(content) }));

await orgs.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
const { Roots: [root] } = await orgs.send(new ListRootsCommand({}));
const { OrganizationalUnit: prod } = await orgs.send(new CreateOrganizationalUnitCommand({ ParentId: root.Id, Name: 'Prod' }));
const { CreateAccountStatus: { AccountId: source } } = await orgs.send(new CreateAccountCommand({ Email: 'source@example.com', AccountName: 'SourceAccount' }));
await orgs.send(new MoveAccountCommand({ AccountId: source, SourceParentId: root.Id, DestinationParentId: prod.Id }));

const { Policy: orgDaily } = await create('org-daily', rootPolicy);
check('CreatePolicy', /^p-[a-z0-9]{8}$/.test(orgDaily.PolicySummary.Id) && orgDaily.PolicySummary.Type === 'BACKUP_POLICY'
  && orgDaily.PolicySummary.AwsManaged === false && orgDaily.PolicySummary.Arn.endsWith(`/backup_policy/${orgDaily.PolicySummary.Id}`)
  && JSON.parse(orgDaily.Content).plans.org_daily !== undefined, orgDaily.PolicySummary);
const notEnabled = await error(orgs.send(new AttachPolicyCommand({ PolicyId: orgDaily.PolicySummary.Id, TargetId: root.Id })));
check('AttachPolicy before EnablePolicyType: PolicyTypeNotEnabledException 409', notEnabled?.name === 'PolicyTypeNotEnabledException' && notEnabled.status === 409, notEnabled);

const { Root: enabled } = await orgs.send(new EnablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'BACKUP_POLICY' }));
check('EnablePolicyType answers the root', enabled.PolicyTypes.some((t) => t.Type === 'BACKUP_POLICY' && t.Status === 'ENABLED'), enabled);
const twice = await error(orgs.send(new EnablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'BACKUP_POLICY' })));
check('PolicyTypeAlreadyEnabledException 409', twice?.name === 'PolicyTypeAlreadyEnabledException' && twice.status === 409, twice);
const tag = await error(orgs.send(new EnablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'TAG_POLICY' })));
check('Another policy type: PolicyTypeNotAvailableForOrganizationException 409', tag?.name === 'PolicyTypeNotAvailableForOrganizationException' && tag.status === 409, tag);

const { Policy: prodDr } = await create('prod-dr', ouPolicy);
const { Policy: late } = await create('late', reassign);
await orgs.send(new AttachPolicyCommand({ PolicyId: orgDaily.PolicySummary.Id, TargetId: root.Id }));
await orgs.send(new AttachPolicyCommand({ PolicyId: prodDr.PolicySummary.Id, TargetId: prod.Id }));
await orgs.send(new AttachPolicyCommand({ PolicyId: late.PolicySummary.Id, TargetId: prod.Id }));
const { EffectivePolicy: effective } = await orgs.send(new DescribeEffectivePolicyCommand({ PolicyType: 'BACKUP_POLICY', TargetId: source }));
const content = JSON.parse(effective.PolicyContent);
check('DescribeEffectivePolicy: the OU appends, the forbidden @@assign is ignored, $account stays', typeof effective.PolicyContent === 'string'
  && JSON.stringify(content.plans.org_daily.regions) === '["us-east-1","eu-west-1"]'
  && JSON.stringify(content.plans.org_daily.selections.tags.backup.tag_value) === '["daily","critical"]'
  && content.plans.org_daily.selections.tags.backup.iam_role_arn === 'arn:aws:iam::$account:role/BackupRole'
  && effective.LastUpdatedTimestamp instanceof Date && effective.TargetId === source && effective.PolicyType === 'BACKUP_POLICY', effective);

const { Policies: onProd } = await orgs.send(new ListPoliciesForTargetCommand({ TargetId: prod.Id, Filter: 'BACKUP_POLICY' }));
check('ListPoliciesForTarget in attachment order', onProd.map((p) => p.Name).join() === 'prod-dr,late', onProd);
const { Targets: targets } = await orgs.send(new ListTargetsForPolicyCommand({ PolicyId: orgDaily.PolicySummary.Id }));
check('ListTargetsForPolicy', targets.length === 1 && targets[0].TargetId === root.Id && targets[0].Type === 'ROOT' && targets[0].Name === 'Root', targets);
const names = [];
for await (const page of paginateListPolicies({ client: orgs, pageSize: 1 }, { Filter: 'BACKUP_POLICY' })) {
  names.push(...page.Policies.map((p) => p.Name));
}
check('ListPolicies pages one at a time', names.sort().join() === 'late,org-daily,prod-dr', names);

const malformed = await error(create('bad', { plans: { p: { rules: { r: { shedule_expression: assign('cron(0 5 ? * * *)') } } } } }));
check('MalformedPolicyDocumentException 400 names the key', malformed?.name === 'MalformedPolicyDocumentException' && malformed.status === 400
  && malformed.message.includes('shedule_expression') && malformed.message.includes('plans.p.rules.r'), malformed);
const duplicate = await error(create('late', reassign));
check('DuplicatePolicyException 409', duplicate?.name === 'DuplicatePolicyException' && duplicate.status === 409, duplicate);
const attachedTwice = await error(orgs.send(new AttachPolicyCommand({ PolicyId: late.PolicySummary.Id, TargetId: prod.Id })));
check('DuplicatePolicyAttachmentException 409', attachedTwice?.name === 'DuplicatePolicyAttachmentException' && attachedTwice.status === 409, attachedTwice);
const notAttached = await error(orgs.send(new DetachPolicyCommand({ PolicyId: late.PolicySummary.Id, TargetId: source })));
check('PolicyNotAttachedException 409', notAttached?.name === 'PolicyNotAttachedException' && notAttached.status === 409, notAttached);
const noTarget = await error(orgs.send(new AttachPolicyCommand({ PolicyId: late.PolicySummary.Id, TargetId: '111111111111' })));
check('TargetNotFoundException 404', noTarget?.name === 'TargetNotFoundException' && noTarget.status === 404, noTarget);
const noPolicy = await error(orgs.send(new DescribePolicyCommand({ PolicyId: 'p-00000000' })));
check('PolicyNotFoundException 404', noPolicy?.name === 'PolicyNotFoundException' && noPolicy.status === 404, noPolicy);
const inUse = await error(orgs.send(new DeletePolicyCommand({ PolicyId: late.PolicySummary.Id })));
check('PolicyInUseException 409', inUse?.name === 'PolicyInUseException' && inUse.status === 409, inUse);
const badUpdate = await error(orgs.send(new UpdatePolicyCommand({ PolicyId: late.PolicySummary.Id, Content: '{"plans":{"p":{"regions":["us-east-1"]}}}' })));
check('UpdatePolicy validates the content', badUpdate?.name === 'MalformedPolicyDocumentException' && badUpdate.message.includes('plans.p.regions'), badUpdate);

await backup.send(new UpdateGlobalSettingsCommand({ GlobalSettings: { isCrossAccountBackupEnabled: 'true' } }));
const settings = await backup.send(new DescribeGlobalSettingsCommand({}));
check('Backup global settings: cross-account backup enabled', settings.GlobalSettings.isCrossAccountBackupEnabled === 'true'
  && settings.LastUpdateTime instanceof Date, settings);
const badSetting = await error(backup.send(new UpdateGlobalSettingsCommand({ GlobalSettings: { isCrossAccountBackupEnabled: 'maybe' } })));
check('A bad setting: InvalidParameterValueException 400', badSetting?.name === 'InvalidParameterValueException' && badSetting.status === 400, badSetting);

await orgs.send(new DetachPolicyCommand({ PolicyId: late.PolicySummary.Id, TargetId: prod.Id }));
await orgs.send(new DeletePolicyCommand({ PolicyId: late.PolicySummary.Id }));
await orgs.send(new DisablePolicyTypeCommand({ RootId: root.Id, PolicyType: 'BACKUP_POLICY' }));
const none = await error(orgs.send(new DescribeEffectivePolicyCommand({ PolicyType: 'BACKUP_POLICY', TargetId: source })));
check('Disabled: EffectivePolicyNotFoundException 400', none?.name === 'EffectivePolicyNotFoundException' && none.status === 400, none);
const detached = await orgs.send(new ListTargetsForPolicyCommand({ PolicyId: orgDaily.PolicySummary.Id }));
check('Disabling detached every backup policy', detached.Targets.length === 0, detached.Targets);

console.log(JSON.stringify({ done: true }));
