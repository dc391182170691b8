using Arca.Control.Errors;

namespace Arca.Control.Layouts;

/// <summary>The errors of the <c>ArcaLayouts</c> operations.</summary>
public static class LayoutErrors
{
    public static AwsServiceException Validation(string message) => new("ValidationException", message, 400);

    public static AwsServiceException Required(string field) => Validation($"{field}: a value is required");

    public static AwsServiceException NotFound(string name) =>
        new("LayoutNotFoundException", $"No layout named {name} has been applied in this organization", 400);
}
