using System.Text.Json.Serialization;

namespace Arca.Control.Organizations.Internal;

/// <summary>Persisted JSON of the Organizations collections.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(OrganizationRecord))]
[JsonSerializable(typeof(MemberRecord))]
[JsonSerializable(typeof(OrganizationalUnitRecord))]
[JsonSerializable(typeof(CreateAccountStatusRecord))]
[JsonSerializable(typeof(ServiceAccessRecord))]
[JsonSerializable(typeof(DelegatedAdministratorRecord))]
internal sealed partial class OrganizationJson : JsonSerializerContext;
