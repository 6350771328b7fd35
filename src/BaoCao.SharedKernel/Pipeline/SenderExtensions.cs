using BaoCao.SharedKernel.Results;
using Mediator;

namespace BaoCao.SharedKernel.Pipeline;

public static class SenderExtensions
{
    /// <summary>For pages: sends a command and turns validation and access refusals into failed results, so a page
    /// shows them next to the fields (or as a message) instead of an error screen.</summary>
    public static async Task<Result<T>> TrySendAsync<T>(this ISender sender, ICommand<Result<T>> command, CancellationToken cancellationToken = default)
    {
        try { return await sender.Send(command, cancellationToken); }
        catch (RequestValidationException invalid) { return Result<T>.Invalid(invalid.Errors); }
        catch (AccessDeniedException denied) { return Result<T>.Forbidden(denied.Message); }
    }

    public static async Task<Result> TrySendAsync(this ISender sender, ICommand<Result> command, CancellationToken cancellationToken = default)
    {
        try { return await sender.Send(command, cancellationToken); }
        catch (RequestValidationException invalid) { return Result.Invalid(invalid.Errors); }
        catch (AccessDeniedException denied) { return Result.Forbidden(denied.Message); }
    }

    public static async Task<Result<T>> TryQueryAsync<T>(this ISender sender, IQuery<Result<T>> query, CancellationToken cancellationToken = default)
    {
        try { return await sender.Send(query, cancellationToken); }
        catch (RequestValidationException invalid) { return Result<T>.Invalid(invalid.Errors); }
        catch (AccessDeniedException denied) { return Result<T>.Forbidden(denied.Message); }
    }
}
