using BaoCao.SharedKernel.Results;
using FluentValidation;
using Mediator;

namespace BaoCao.SharedKernel.Pipeline;

/// <summary>Runs every FluentValidation validator of a message before its handler; field names are camelCase
/// as they appear in the JSON body, messages are Vietnamese.</summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        List<ResultError>? errors = null;
        foreach (var validator in validators)
        {
            var outcome = await validator.ValidateAsync(message, cancellationToken);
            foreach (var failure in outcome.Errors)
                (errors ??= []).Add(new ResultError(failure.ErrorMessage, JsonFieldName(failure.PropertyName)));
        }
        if (errors is not null)
            throw new RequestValidationException(errors);
        return await next(message, cancellationToken);
    }

    private static string JsonFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
