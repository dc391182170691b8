namespace Arca.Control.Jobs;

/// <summary>
/// Does the work of one kind of job. The engine calls it once per attempt with the claimed job; the
/// token is cancelled when the job is stopped, misses its completion window, or the server shuts
/// down. A runner returns the terminal outcome; an exception fails the job with its message (an
/// <see cref="Errors.AwsServiceException"/>'s message is shown to users; any other exception is
/// logged and shown as an internal error).
/// </summary>
public interface IJobRunner
{
    JobKindProfile Profile { get; }

    Task<JobOutcome> RunAsync(JobRecord job, JobProgress progress, CancellationToken cancellationToken);
}
