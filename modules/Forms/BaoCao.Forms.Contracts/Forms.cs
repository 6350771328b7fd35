using Mediator;

namespace BaoCao.Forms.Contracts;

/// <summary>The codes of the forms whose version in use (published, not superseded) has a row for the indicator; an
/// indicator in such a form cannot be retired.</summary>
public sealed record FindFormsUsingIndicator(string IndicatorCode) : IQuery<IReadOnlyList<string>>;
