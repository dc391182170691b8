using System.Globalization;
using System.Xml.Linq;
using Arca.Control.Iam;

namespace Arca.Api.Endpoints.Iam;

/// <summary>IAM's wire shapes (awsQuery XML) of roles.</summary>
internal static class IamXml
{
    /// <summary>A <c>Role</c> structure; <paramref name="withTags"/> as GetRole and CreateRole return it, without as ListRoles does.</summary>
    public static XElement Role(string elementName, Role role, bool withTags)
    {
        var element = new XElement(elementName,
            new XElement("Path", role.Path),
            new XElement("RoleName", role.RoleName),
            new XElement("RoleId", role.RoleId),
            new XElement("Arn", role.Arn),
            new XElement("CreateDate", QueryXml.Time(role.CreateDate)),
            new XElement("AssumeRolePolicyDocument", QueryXml.PolicyDocument(role.AssumeRolePolicyDocument)));
        if (role.Description is { } description)
        {
            element.Add(new XElement("Description", description));
        }

        element.Add(new XElement("MaxSessionDuration", role.MaxSessionDuration.ToString(CultureInfo.InvariantCulture)));
        if (withTags && role.Tags.Count > 0)
        {
            element.Add(QueryXml.Members("Tags", role.Tags.Select(t => (object)new[] { new XElement("Key", t.Key), new XElement("Value", t.Value) })));
        }

        return element;
    }
}
