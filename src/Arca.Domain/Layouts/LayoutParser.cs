using System.Text.RegularExpressions;
using Arca.Domain.Iam;
using Arca.Domain.Layouts.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Arca.Domain.Layouts;

/// <summary>Loads a layout file (docs/design/layout.md §2). Pure and thread-safe.</summary>
public static partial class LayoutParser
{
    /// <summary>The largest layout file accepted, in characters.</summary>
    public const int MaxLength = 1_048_576;

    private static readonly string[] TopFields =
        ["version", "name", "description", "targets", "regions", "roles", "keys", "vaults", "backupPolicies"];

    /// <summary>Parses and validates <paramref name="text"/>.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The name errors give the file (<c>layout.yaml</c>).</param>
    /// <param name="servedRegions">The regions the server serves (a layout naming another is refused); null: any region name.</param>
    /// <exception cref="LayoutValidationException">Every problem of the file, each with its line, column and field.</exception>
    public static Layout Parse(string text, string fileName, IReadOnlyCollection<string>? servedRegions = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var reader = new LayoutReader(fileName);
        if (text.Length > MaxLength)
        {
            throw new LayoutValidationException([new LayoutError(fileName, 1, 1, string.Empty, $"the file is {text.Length} characters: at most {MaxLength}")]);
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            string message = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new LayoutValidationException([new LayoutError(fileName, (int)e.Start.Line, (int)e.Start.Column, string.Empty, $"not valid YAML: {message}")]);
        }

        if (stream.Documents.Count != 1)
        {
            throw new LayoutValidationException([new LayoutError(fileName, 1, 1, string.Empty, "a layout file holds exactly one YAML document")]);
        }

        Layout? layout = Read(reader, stream.Documents[0].RootNode, servedRegions);
        return reader.Errors.Count == 0 && layout is not null ? layout : throw new LayoutValidationException(reader.Errors);
    }

    private static Layout? Read(LayoutReader reader, YamlNode root, IReadOnlyCollection<string>? servedRegions)
    {
        Dictionary<string, YamlNode>? fields = reader.Fields(root, string.Empty, TopFields);
        if (fields is null)
        {
            return null;
        }

        if (!fields.TryGetValue("version", out YamlNode? version))
        {
            reader.Missing(fields, "version");
        }
        else if (version is not YamlScalarNode { Value: "1" })
        {
            reader.Error(version, "version", $"must be {Layout.CurrentVersion}");
        }

        string? name = reader.String(fields, "name", string.Empty, required: true, NamePattern(), "must be 1 to 64 letters, digits, hyphens or underscores");
        string? description = reader.String(fields, "description", string.Empty);
        LayoutTargets? targets = ReadTargets(reader, fields);
        IReadOnlyList<string> regions = reader.Strings(fields, "regions", string.Empty, RegionPattern(), "is not a region name (us-east-1)");
        if (!fields.ContainsKey("regions"))
        {
            reader.Missing(fields, "regions");
        }
        else if (regions.Count == 0 && reader.Errors.Count == 0)
        {
            reader.Error(fields["regions"], "regions", "must name at least one region");
        }
        else if (servedRegions is not null && fields["regions"] is YamlSequenceNode listed)
        {
            foreach ((YamlNode node, int i) in listed.Children.Select((n, i) => (n, i)))
            {
                if (node is YamlScalarNode { Value: { } region } && RegionPattern().IsMatch(region) && !servedRegions.Contains(region))
                {
                    reader.Error(node, $"regions[{i}]", $"\"{region}\" is not a region this server serves ({string.Join(", ", servedRegions)})");
                }
            }
        }

        var layout = new Layout
        {
            Name = name ?? string.Empty,
            Description = description,
            Targets = targets ?? new LayoutTargets(),
            Regions = regions,
            Roles = ReadRoles(reader, fields),
            Keys = ReadKeys(reader, fields),
            BackupPolicies = ReadBackupPolicies(reader, fields),
        };
        layout = layout with { Vaults = ReadVaults(reader, fields, layout) };
        if (layout.Roles.Count + layout.Keys.Count + layout.Vaults.Count + layout.BackupPolicies.Count == 0 && reader.Errors.Count == 0)
        {
            reader.Error(root, string.Empty, "the layout has nothing to lay out: give roles, keys, vaults or backupPolicies");
        }

        return layout;
    }

    private static LayoutTargets? ReadTargets(LayoutReader reader, Dictionary<string, YamlNode> top)
    {
        if (!top.TryGetValue("targets", out YamlNode? node))
        {
            reader.Missing(top, "targets");
            return null;
        }

        Dictionary<string, YamlNode>? fields = reader.Fields(node, "targets",
            "organization", "organizationalUnits", "accounts", "excludeAccounts", "includeManagementAccount");
        if (fields is null)
        {
            return null;
        }

        var targets = new LayoutTargets
        {
            Organization = reader.Bool(fields, "organization", "targets"),
            OrganizationalUnits = reader.Strings(fields, "organizationalUnits", "targets", OuPattern(), "is not an OU id (ou-…) or root id (r-…)"),
            Accounts = reader.Strings(fields, "accounts", "targets", AccountPattern(), "is not a 12-digit account id"),
            ExcludeAccounts = reader.Strings(fields, "excludeAccounts", "targets", AccountPattern(), "is not a 12-digit account id"),
            IncludeManagementAccount = reader.Bool(fields, "includeManagementAccount", "targets"),
        };
        if (!targets.Organization && targets.OrganizationalUnits.Count == 0 && targets.Accounts.Count == 0 && reader.Errors.Count == 0)
        {
            reader.Error(node, "targets", "names no account: give organization: true, organizationalUnits or accounts");
        }

        return targets;
    }

    private static List<LayoutRole> ReadRoles(LayoutReader reader, Dictionary<string, YamlNode> top)
    {
        var roles = new List<LayoutRole>();
        foreach ((YamlNode node, string field) in reader.Sequence(top, "roles", string.Empty))
        {
            Dictionary<string, YamlNode>? fields = reader.Fields(node, field, "name", "path", "description", "trustPolicy", "inlinePolicies");
            if (fields is null)
            {
                continue;
            }

            string? name = reader.String(fields, "name", field, required: true, RoleNamePattern(), "must be 1 to 64 of letters, digits and +=,.@_-");
            string? path = reader.String(fields, "path", field, pattern: RolePathPattern(), rule: "must start and end with /");
            string? description = reader.String(fields, "description", field);
            string? trust = reader.Policy(fields, "trustPolicy", field, PolicyKind.RoleTrust, LayoutVariables.Scope.Account, required: true);
            var inline = new List<KeyValuePair<string, string>>();
            if (fields.TryGetValue("inlinePolicies", out YamlNode? policies))
            {
                Dictionary<string, YamlNode>? named = policies is YamlMappingNode map
                    ? reader.Fields(map, $"{field}.inlinePolicies", [.. map.Children.Keys.Select(k => (k as YamlScalarNode)?.Value ?? string.Empty)])
                    : reader.Fields(policies, $"{field}.inlinePolicies");
                foreach (string policyName in named?.Keys.Where(k => k.Length > 0) ?? [])
                {
                    string policyField = $"{field}.inlinePolicies.{policyName}";
                    if (!PolicyNamePattern().IsMatch(policyName))
                    {
                        reader.Error(named![policyName], policyField, "a policy name is 1 to 128 of letters, digits and +=,.@_-");
                    }
                    else if (reader.Policy(named!, policyName, $"{field}.inlinePolicies", PolicyKind.Identity, LayoutVariables.Scope.Account) is { } document)
                    {
                        inline.Add(KeyValuePair.Create(policyName, document));
                    }
                }
            }

            if (name is not null && roles.Any(r => r.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(fields["name"], $"{field}.name", $"role \"{name}\" is given twice");
            }
            else if (name is not null && trust is not null)
            {
                roles.Add(new LayoutRole { Name = name, Path = path ?? "/", Description = description, TrustPolicy = trust, InlinePolicies = inline });
            }
        }

        return roles;
    }

    private static List<LayoutKey> ReadKeys(LayoutReader reader, Dictionary<string, YamlNode> top)
    {
        var keys = new List<LayoutKey>();
        foreach ((YamlNode node, string field) in reader.Sequence(top, "keys", string.Empty))
        {
            Dictionary<string, YamlNode>? fields = reader.Fields(node, field, "alias", "description", "policy", "tags");
            if (fields is null)
            {
                continue;
            }

            string? alias = reader.String(fields, "alias", field, required: true, AliasPattern(), "must be alias/NAME with letters, digits, /, _ and -");
            if (alias is not null && !alias.StartsWith(LayoutKey.AliasPrefix, StringComparison.Ordinal))
            {
                alias = LayoutKey.AliasPrefix + alias;
            }

            if (alias is not null && alias.StartsWith("alias/aws/", StringComparison.Ordinal))
            {
                reader.Error(fields["alias"], $"{field}.alias", $"\"{alias}\": aliases beginning with alias/aws/ are reserved for AWS managed keys");
                alias = null;
            }

            string? description = reader.String(fields, "description", field);
            if (description is not null)
            {
                _ = reader.Sample(fields["description"], $"{field}.description", description, LayoutVariables.Scope.Region);
            }

            string? policy = reader.Policy(fields, "policy", field, PolicyKind.Resource, LayoutVariables.Scope.Region);
            IReadOnlyDictionary<string, string> tags = reader.Tags(fields, field);
            if (alias is not null && keys.Any(k => k.AliasName == alias))
            {
                reader.Error(fields["alias"], $"{field}.alias", $"key \"{alias}\" is given twice");
            }
            else if (alias is not null)
            {
                keys.Add(new LayoutKey { AliasName = alias, Description = description, Policy = policy, Tags = tags });
            }
        }

        return keys;
    }

    private static List<LayoutVault> ReadVaults(LayoutReader reader, Dictionary<string, YamlNode> top, Layout layout)
    {
        var vaults = new List<LayoutVault>();
        foreach ((YamlNode node, string field) in reader.Sequence(top, "vaults", string.Empty))
        {
            Dictionary<string, YamlNode>? fields = reader.Fields(node, field, "name", "key", "accessPolicy", "lock", "tags");
            if (fields is null)
            {
                continue;
            }

            string? name = reader.String(fields, "name", field, required: true, VaultNamePattern(), "must be 2 to 50 letters, digits, hyphens or underscores");
            string? key = reader.String(fields, "key", field);
            if (key is not null && layout.FindKey(key) is null)
            {
                if (!key.StartsWith("arn:", StringComparison.Ordinal))
                {
                    reader.Error(fields["key"], $"{field}.key",
                        $"\"{key}\" is neither a key of this layout ({string.Join(", ", layout.Keys.Select(k => k.AliasName))}) nor a KMS key or alias ARN");
                    key = null;
                }
                else if (reader.Sample(fields["key"], $"{field}.key", key, LayoutVariables.Scope.Region) is null)
                {
                    key = null;
                }
            }

            string? policy = reader.Policy(fields, "accessPolicy", field, PolicyKind.Resource, LayoutVariables.Scope.Region);
            LayoutVaultLock? vaultLock = ReadLock(reader, fields, field);
            IReadOnlyDictionary<string, string> tags = reader.Tags(fields, field);
            if (name is not null && vaults.Any(v => v.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Error(fields["name"], $"{field}.name", $"vault \"{name}\" is given twice");
            }
            else if (name is not null)
            {
                vaults.Add(new LayoutVault { Name = name, Key = key, AccessPolicy = policy, Lock = vaultLock, Tags = tags });
            }
        }

        return vaults;
    }

    private static LayoutVaultLock? ReadLock(LayoutReader reader, Dictionary<string, YamlNode> vault, string parent)
    {
        if (!vault.TryGetValue("lock", out YamlNode? node))
        {
            return null;
        }

        string field = $"{parent}.lock";
        Dictionary<string, YamlNode>? fields = reader.Fields(node, field, "minRetentionDays", "maxRetentionDays", "changeableForDays");
        if (fields is null)
        {
            return null;
        }

        long? min = reader.Integer(fields, "minRetentionDays", field, 1);
        long? max = reader.Integer(fields, "maxRetentionDays", field, 1);
        long? changeable = reader.Integer(fields, "changeableForDays", field, 3);
        if (min > max)
        {
            reader.Error(fields["minRetentionDays"], $"{field}.minRetentionDays", $"{min} must not be greater than maxRetentionDays ({max})");
        }

        return new LayoutVaultLock(min, max, changeable);
    }

    private static List<LayoutBackupPolicy> ReadBackupPolicies(LayoutReader reader, Dictionary<string, YamlNode> top)
    {
        var policies = new List<LayoutBackupPolicy>();
        foreach ((YamlNode node, string field) in reader.Sequence(top, "backupPolicies", string.Empty))
        {
            Dictionary<string, YamlNode>? fields = reader.Fields(node, field, "name", "description", "content", "attachments");
            if (fields is null)
            {
                continue;
            }

            string? name = reader.String(fields, "name", field, required: true, PolicyNamePattern(), "must be 1 to 128 of letters, digits and +=,.@_-");
            string? description = reader.String(fields, "description", field);
            string? content = reader.Policy(fields, "content", field, null, LayoutVariables.Scope.Organization, required: true);
            var attachments = new List<string>();
            foreach ((YamlNode attachment, string attachmentField) in reader.Sequence(fields, "attachments", field))
            {
                string? target = reader.String(attachment, attachmentField);
                if (target is null)
                {
                    continue;
                }

                if (target.Contains("${", StringComparison.Ordinal)
                    ? reader.Sample(attachment, attachmentField, target, LayoutVariables.Scope.Organization) is not null
                    : TargetPattern().IsMatch(target) || ReportTarget(reader, attachment, attachmentField, target))
                {
                    attachments.Add(target);
                }
            }

            if (name is not null && policies.Any(p => p.Name == name))
            {
                reader.Error(fields["name"], $"{field}.name", $"backup policy \"{name}\" is given twice");
            }
            else if (name is not null && content is not null)
            {
                policies.Add(new LayoutBackupPolicy { Name = name, Description = description, Content = content, Attachments = attachments });
            }
        }

        return policies;
    }

    private static bool ReportTarget(LayoutReader reader, YamlNode node, string field, string target)
    {
        reader.Error(node, field, $"\"{target}\" is not a root id (r-…), an OU id (ou-…), an account id or ${{Account:NAME}}");
        return false;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32})$")]
    private static partial Regex OuPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^(ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}|[0-9]{12})$")]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$")]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^[\w+=,.@-]{1,128}$")]
    private static partial Regex PolicyNamePattern();

    [GeneratedRegex(@"^/([\x21-\x7E]*/)?$")]
    private static partial Regex RolePathPattern();

    [GeneratedRegex("^(alias/)?[a-zA-Z0-9/_-]{1,250}$")]
    private static partial Regex AliasPattern();

    [GeneratedRegex("^[a-zA-Z0-9_-]{2,50}$")]
    private static partial Regex VaultNamePattern();
}
