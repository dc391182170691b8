// Drives a running Arca server's Backup plans, selections, settings, tags and error shapes with the AWS SDK for
// JavaScript v3. The server must have a vault named "cabvault" in us-east-1 for the caller's account. Usage:
//   ARCA_ENDPOINT=http://127.0.0.1:PORT AWS_ACCESS_KEY_ID=… AWS_SECRET_ACCESS_KEY=… node backup-plans.mjs
// Prints one JSON line per check and exits non-zero at the first failure.
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam';
import {
  BackupClient, GetSupportedResourceTypesCommand, DescribeRegionSettingsCommand, UpdateRegionSettingsCommand,
  CreateBackupPlanCommand, GetBackupPlanCommand, UpdateBackupPlanCommand, DeleteBackupPlanCommand, ListBackupPlanVersionsCommand,
  CreateBackupSelectionCommand, GetBackupSelectionCommand, ListBackupSelectionsCommand, DeleteBackupSelectionCommand,
  TagResourceCommand, UntagResourceCommand, ListTagsCommand, GetBackupPlanFromJSONCommand, ExportBackupPlanTemplateCommand,
  paginateListBackupPlans,
} from '@aws-sdk/client-backup';

const endpoint = process.env.ARCA_ENDPOINT;
const base = { endpoint, region: 'us-east-1', maxAttempts: 1 };
const credentials = { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY };
const backup = new BackupClient({ ...base, credentials });

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
const rule = { RuleName: 'cabrule', TargetBackupVaultName: 'cabvault' };

// Settings.
const types = await backup.send(new GetSupportedResourceTypesCommand({}));
check('GetSupportedResourceTypes', types.ResourceTypes.join() === 'Directory,PostgreSQL,SQLite', types.ResourceTypes);
await backup.send(new UpdateRegionSettingsCommand({ ResourceTypeOptInPreference: { SQLite: false } }));
const settings = await backup.send(new DescribeRegionSettingsCommand({}));
check('Region settings: opt-in defaults to true, updates stick', settings.ResourceTypeOptInPreference.SQLite === false
  && settings.ResourceTypeOptInPreference.Directory === true && settings.ResourceTypeManagementPreference.PostgreSQL === true, settings);
const unknownType = await error(backup.send(new UpdateRegionSettingsCommand({ ResourceTypeOptInPreference: { EBS: true } })));
check('Unknown resource types are refused naming them', unknownType?.name === 'InvalidParameterValueException' && unknownType.status === 400
  && unknownType.message.includes("'EBS'"), unknownType);

// Plans.
const created = await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'js-plan', Rules: [rule] }, BackupPlanTags: { team: 'js' } }));
check('CreateBackupPlan', created.BackupPlanArn === `arn:aws:backup:us-east-1:${account}:backup-plan:${created.BackupPlanId}`
  && created.CreationDate instanceof Date && created.VersionId.length > 0, created);
const planId = created.BackupPlanId;
const got = await backup.send(new GetBackupPlanCommand({ BackupPlanId: planId }));
const gotRule = got.BackupPlan.Rules[0];
check('GetBackupPlan fills in the defaults', gotRule.ScheduleExpression === 'cron(0 5 ? * * *)' && gotRule.StartWindowMinutes === 480
  && gotRule.CompletionWindowMinutes === 10080 && gotRule.ScheduleExpressionTimezone === 'Etc/UTC' && gotRule.RuleId, gotRule);
check('The SDK filled in a CreatorRequestId', typeof got.CreatorRequestId === 'string' && got.CreatorRequestId.length === 36, got.CreatorRequestId);

const noVault = await error(backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'x', Rules: [{ RuleName: 'r', TargetBackupVaultName: 'nope' }] } })));
check('A missing vault is an InvalidParameterValueException naming the field', noVault?.name === 'InvalidParameterValueException'
  && noVault.message === `BackupPlan.Rules[0].TargetBackupVaultName: Backup vault nope does not exist in account ${account} and region us-east-1`, noVault);
const duplicate = await error(backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'js-plan', Rules: [rule] } })));
check('A duplicate name is an AlreadyExistsException', duplicate?.name === 'AlreadyExistsException' && duplicate.status === 400, duplicate);
const replay = await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: 'js-plan', Rules: [rule] }, BackupPlanTags: { team: 'js' }, CreatorRequestId: got.CreatorRequestId }));
check('Repeating the CreatorRequestId returns the same plan', replay.BackupPlanId === planId, replay);
const missing = await error(backup.send(new GetBackupPlanCommand({ BackupPlanId: 'nope' })));
check('An unknown plan is a ResourceNotFoundException with status 400', missing?.name === 'ResourceNotFoundException' && missing.status === 400, missing);

const updated = await backup.send(new UpdateBackupPlanCommand({ BackupPlanId: planId, BackupPlan: { BackupPlanName: 'js-plan', Rules: [{ ...rule, StartWindowMinutes: 60 }] } }));
const versions = await backup.send(new ListBackupPlanVersionsCommand({ BackupPlanId: planId }));
check('UpdateBackupPlan makes a new version; both are listed', updated.VersionId !== created.VersionId
  && versions.BackupPlanVersionsList.map(v => v.VersionId).join() === [created.VersionId, updated.VersionId].join(), versions.BackupPlanVersionsList);

// Tags and templates.
await backup.send(new TagResourceCommand({ ResourceArn: created.BackupPlanArn, Tags: { env: 'prod' } }));
await backup.send(new UntagResourceCommand({ ResourceArn: created.BackupPlanArn, TagKeyList: ['team'] }));
const tags = await backup.send(new ListTagsCommand({ ResourceArn: created.BackupPlanArn }));
check('TagResource, UntagResource and ListTags on a plan ARN', JSON.stringify(tags.Tags) === '{"env":"prod"}', tags.Tags);
const template = await backup.send(new ExportBackupPlanTemplateCommand({ BackupPlanId: planId }));
const fromJson = await backup.send(new GetBackupPlanFromJSONCommand({ BackupPlanTemplateJson: template.BackupPlanTemplateJson }));
check('ExportBackupPlanTemplate and GetBackupPlanFromJSON round trip', fromJson.BackupPlan.BackupPlanName === 'js-plan'
  && fromJson.BackupPlan.Rules[0].StartWindowMinutes === 60, fromJson.BackupPlan);
const badJson = await error(backup.send(new GetBackupPlanFromJSONCommand({ BackupPlanTemplateJson: '{"BackupPlanName":"p","Rules":[{"RuleName":"r"}]}' })));
check('GetBackupPlanFromJSON names the missing member', badJson?.name === 'MissingParameterValueException'
  && badJson.message === 'BackupPlan.Rules[0].TargetBackupVaultName: is required', badJson);

// Selections: the role must exist.
const selection = { SelectionName: 'cabresources', IamRoleArn: `arn:aws:iam::${account}:role/js-backup-role`, ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'cab' }] };
const noRole = await error(backup.send(new CreateBackupSelectionCommand({ BackupPlanId: planId, BackupSelection: selection })));
check('A selection whose role does not exist is refused at creation', noRole?.name === 'InvalidParameterValueException'
  && noRole.message.startsWith('BackupSelection.IamRoleArn: role js-backup-role does not exist'), noRole);
await new IAMClient({ ...base, credentials }).send(new CreateRoleCommand({
  RoleName: 'js-backup-role',
  AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'backup.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
}));
const createdSelection = await backup.send(new CreateBackupSelectionCommand({ BackupPlanId: planId, BackupSelection: selection }));
const gotSelection = await backup.send(new GetBackupSelectionCommand({ BackupPlanId: planId, SelectionId: createdSelection.SelectionId }));
check('CreateBackupSelection and GetBackupSelection', gotSelection.BackupSelection.ListOfTags[0].ConditionValue === 'cab'
  && gotSelection.CreationDate instanceof Date, gotSelection);
const listedSelections = await backup.send(new ListBackupSelectionsCommand({ BackupPlanId: planId }));
check('ListBackupSelections', listedSelections.BackupSelectionsList.length === 1 && listedSelections.BackupSelectionsList[0].IamRoleArn === selection.IamRoleArn, listedSelections);
const badPattern = await error(backup.send(new CreateBackupSelectionCommand({ BackupPlanId: planId, BackupSelection: { ...selection, SelectionName: 'p', Resources: ['arn:aws:arca:us-east-1:*:dir*/x'] } })));
check('A misplaced wildcard is refused naming the entry', badPattern?.name === 'InvalidParameterValueException' && badPattern.message.startsWith('BackupSelection.Resources[0]'), badPattern);

// Delete: refused while selections exist, then soft.
const blocked = await error(backup.send(new DeleteBackupPlanCommand({ BackupPlanId: planId })));
check('DeleteBackupPlan is refused while selections exist', blocked?.name === 'InvalidRequestException'
  && blocked.message === 'Related backup plan selections must be deleted prior to backup plan deletion.', blocked);
await backup.send(new DeleteBackupSelectionCommand({ BackupPlanId: planId, SelectionId: createdSelection.SelectionId }));
const deleted = await backup.send(new DeleteBackupPlanCommand({ BackupPlanId: planId }));
check('DeleteBackupPlan is soft', deleted.DeletionDate instanceof Date
  && (await backup.send(new GetBackupPlanCommand({ BackupPlanId: planId }))).DeletionDate instanceof Date, deleted);

// Pagination with the SDK's paginator.
for (const name of ['js-a', 'js-b', 'js-c']) {
  await backup.send(new CreateBackupPlanCommand({ BackupPlan: { BackupPlanName: name, Rules: [rule] } }));
}
const names = [];
let pages = 0;
for await (const page of paginateListBackupPlans({ client: backup, pageSize: 1 }, { IncludeDeleted: true })) {
  pages++;
  names.push(...page.BackupPlansList.map(p => p.BackupPlanName));
}
check('paginateListBackupPlans follows NextToken', pages >= 4 && names.includes('js-plan') && names.includes('js-c') && names.length === 4, { pages, names });

console.log(JSON.stringify({ done: true }));
