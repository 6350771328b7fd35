using BaoCao.SharedKernel.Text;
using FluentValidation;

namespace BaoCao.SharedKernel.Pipeline;

public static class NameRules
{
    /// <summary>A name people enter (unit, account, form, indicator…) may not start like a spreadsheet formula.</summary>
    public static IRuleBuilderOptions<T, string?> NotLikeFormula<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(name => !SpreadsheetText.StartsLikeFormula(name?.TrimStart(' '))).WithMessage(SpreadsheetText.FormulaStartMessage);
}
