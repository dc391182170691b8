using Arca.Control.Errors;

namespace Arca.Control.Layouts.Internal;

/// <summary>Helpers shared by the item reconcilers: run a change, read something that may be missing.</summary>
internal static class Items
{
    /// <summary>In a plan, the change as it is; in an apply, the change after running <paramref name="act"/> (applied, or failed with the error).</summary>
    public static async Task<ItemResult> RunAsync(LayoutChange change, bool apply, Func<Task> act)
    {
        if (!apply)
        {
            return new ItemResult(change, null);
        }

        try
        {
            await act().ConfigureAwait(false);
            return new ItemResult(change with { Outcome = LayoutOutcome.Applied }, null);
        }
        catch (AwsServiceException e)
        {
            string reason = PolicyText.Reason(e);
            return new ItemResult(change with { Outcome = LayoutOutcome.Failed, Reason = reason }, reason);
        }
    }

    /// <summary>The value <paramref name="read"/> gives, or null when it answers one of <paramref name="missingCodes"/>.</summary>
    public static async Task<T?> FindAsync<T>(Func<Task<T>> read, params string[] missingCodes)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (missingCodes.Contains(e.Code))
        {
            return null;
        }
    }

    public static ItemResult Failed(string reason) => new(null, reason);
}
