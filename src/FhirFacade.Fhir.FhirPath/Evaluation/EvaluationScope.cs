using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.FhirPath.Evaluation;

/// <summary>
/// The mutable state of one evaluation: <c>$this</c>, <c>$index</c>, <c>$total</c> and the environment.
/// Never shared between threads: each thread reuses one instance (the Rent methods) unless an
/// evaluation is already running on it (a hook evaluating another expression), so an invariant
/// evaluation allocates no scope. Iterating functions save and restore <c>$this</c>.
/// </summary>
internal sealed class EvaluationScope
{
    [ThreadStatic]
    private static EvaluationScope? _cached;

    private static readonly FhirPathContext EmptyContext = new();

    private readonly FhirPathItem[] _focusItem = new FhirPathItem[1];
    private ElementNode? _focus;
    private ElementNode? _resource;
    private bool _resourceKnown;

    private EvaluationScope()
    {
        Context = EmptyContext;
        This = Items.Empty;
        Input = Items.Empty;
    }

    public FhirPathContext Context { get; private set; }

    public IReadOnlyList<FhirPathItem> Input { get; private set; }

    public IReadOnlyList<FhirPathItem> This { get; set; }

    public int Index { get; set; }

    public IReadOnlyList<FhirPathItem>? Total { get; set; }

    /// <summary><c>%resource</c>, computed on first use.</summary>
    public ElementNode? Resource
    {
        get
        {
            if (!_resourceKnown)
            {
                _resource = Context.Resource ?? _focus?.Resource;
                _resourceKnown = true;
            }

            return _resource;
        }
    }

    /// <summary><c>%rootResource</c>: the container of a contained <c>%resource</c>, else <c>%resource</c>.</summary>
    public ElementNode? RootResource => Context.RootResource ?? ContainerOf(Resource);

    /// <summary><c>%context</c>.</summary>
    public ElementNode? ContextNode => Context.Context ?? _focus;

    private bool InUse { get; set; }

    public static EvaluationScope Rent(FhirPathContext context, IReadOnlyList<FhirPathItem> input, ElementNode? focus)
    {
        var scope = _cached;
        if (scope is null || scope.InUse)
        {
            scope = new EvaluationScope();
            _cached ??= scope;
        }

        scope.InUse = true;
        scope.Context = context;
        scope.Input = input;
        scope.This = input;
        scope._focus = focus;
        return scope;
    }

    /// <summary>
    /// Like <see cref="Rent(FhirPathContext, IReadOnlyList{FhirPathItem}, ElementNode?)"/> with the focus node as
    /// the input, held in the scope's own one-item array (callers must not hand that array out: see
    /// <see cref="IsOwnInput"/>).
    /// </summary>
    public static EvaluationScope Rent(FhirPathContext context, ElementNode focus)
    {
        var scope = Rent(context, Items.Empty, focus);
        scope._focusItem[0] = FhirPathItem.FromNode(focus);
        scope.Input = scope._focusItem;
        scope.This = scope._focusItem;
        return scope;
    }

    /// <summary><see langword="true"/> when <paramref name="items"/> is this scope's reusable input array.</summary>
    public bool IsOwnInput(IReadOnlyList<FhirPathItem> items) => ReferenceEquals(items, _focusItem);

    /// <summary>Clears the scope (so it holds no tree alive) and makes it available again.</summary>
    public void Return()
    {
        Context = EmptyContext;
        Input = Items.Empty;
        This = Items.Empty;
        Total = null;
        Index = 0;
        _focusItem[0] = default;
        _focus = null;
        _resource = null;
        _resourceKnown = false;
        InUse = false;
    }

    private static ElementNode? ContainerOf(ElementNode? resource)
    {
        if (resource is null)
        {
            return null;
        }

        if (resource.Name == "contained" && resource.Parent?.Resource is { } container)
        {
            return container;
        }

        return resource;
    }
}
