using Arca.Control.Kms;

namespace Arca.Api.Endpoints.Kms;

/// <summary>Wire inputs to the control plane's types, refusing nulls where the model requires values (ValidationException naming the member).</summary>
internal static class KmsInputs
{
    public static IReadOnlyList<KmsTag>? Tags(List<WireTag>? tags, string field = "tags")
    {
        if (tags is null)
        {
            return null;
        }

        var result = new List<KmsTag>(tags.Count);
        for (int i = 0; i < tags.Count; i++)
        {
            WireTag tag = tags[i] ?? throw KmsErrors.Validation($"{field}.{i + 1}.member", null, string.Empty);
            result.Add(new KmsTag(
                tag.TagKey ?? throw KmsErrors.Validation($"{field}.{i + 1}.member.tagKey", null, string.Empty),
                tag.TagValue ?? throw KmsErrors.Validation($"{field}.{i + 1}.member.tagValue", null, string.Empty)));
        }

        return result;
    }

    public static IReadOnlyDictionary<string, string>? Context(Dictionary<string, string?>? context, string field = "encryptionContext")
    {
        if (context is null)
        {
            return null;
        }

        var result = new Dictionary<string, string>(context.Count, StringComparer.Ordinal);
        foreach ((string key, string? value) in context)
        {
            result[key] = value ?? throw KmsErrors.Validation($"{field}.{key}", null, string.Empty);
        }

        return result;
    }

    /// <summary>Nitro Enclaves attestation (<c>Recipient</c>) is not supported.</summary>
    public static void NoRecipient(System.Text.Json.JsonElement? recipient)
    {
        if (recipient is { ValueKind: not System.Text.Json.JsonValueKind.Null })
        {
            throw KmsErrors.UnsupportedOperation("Arca's KMS does not support Recipient (Nitro Enclaves attestation); omit it.");
        }
    }
}
