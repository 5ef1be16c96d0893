using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Validation.Validators;

/// <summary>
/// A slicing discriminator path compiled into steps
/// (<see href="https://hl7.org/fhir/R4/profiling.html#discriminator"/>): element names,
/// <c>$this</c>, <c>extension('url')</c>, <c>resolve()</c> and <c>ofType(T)</c>.
/// </summary>
internal sealed class DiscriminatorPath
{
    private readonly Step[] _steps;

    private DiscriminatorPath(string text, Step[] steps)
    {
        Text = text;
        _steps = steps;
    }

    public string Text { get; }

    /// <summary>The plain element-name steps (extension and function steps excluded), used to find the slice's own value at compile time.</summary>
    public IReadOnlyList<string> ElementNames => _steps.Where(s => s.Kind == StepKind.Child).Select(s => s.Argument).ToArray();

    /// <summary><see langword="true"/> when the path only walks child elements (no <c>extension()</c>/<c>resolve()</c>/<c>ofType()</c>).</summary>
    public bool IsSimple => _steps.All(s => s.Kind == StepKind.Child);

    public static DiscriminatorPath Parse(string path)
    {
        var steps = new List<Step>();
        foreach (var part in SplitSteps(path))
        {
            if (part == "$this")
            {
                continue;
            }

            if (part == "resolve()")
            {
                steps.Add(new Step(StepKind.Resolve, string.Empty));
            }
            else if (part.StartsWith("extension(", StringComparison.Ordinal))
            {
                steps.Add(new Step(StepKind.Extension, Unquote(part["extension(".Length..^1])));
            }
            else if (part.StartsWith("ofType(", StringComparison.Ordinal))
            {
                steps.Add(new Step(StepKind.OfType, part["ofType(".Length..^1]));
            }
            else
            {
                steps.Add(new Step(StepKind.Child, part));
            }
        }

        return new DiscriminatorPath(path, [.. steps]);
    }

    /// <summary><see langword="true"/> when any node reached from <paramref name="node"/> along the path satisfies <paramref name="leaf"/>.</summary>
    public bool Any(ElementNode node, ILeafPredicate leaf) => Walk(node, 0, leaf);

    private bool Walk(ElementNode node, int index, ILeafPredicate leaf)
    {
        if (index == _steps.Length)
        {
            return leaf.Test(node);
        }

        var step = _steps[index];
        switch (step.Kind)
        {
            case StepKind.Child:
                foreach (var child in node.Children)
                {
                    if (string.Equals(child.Name, step.Argument, StringComparison.Ordinal) && Walk(child, index + 1, leaf))
                    {
                        return true;
                    }
                }

                return false;
            case StepKind.Extension:
                foreach (var child in node.Children)
                {
                    if (child.Name == "extension"
                        && string.Equals(child.Child("url")?.Text, step.Argument, StringComparison.Ordinal)
                        && Walk(child, index + 1, leaf))
                    {
                        return true;
                    }
                }

                return false;
            case StepKind.OfType:
                return string.Equals(node.InstanceType, step.Argument, StringComparison.Ordinal) && Walk(node, index + 1, leaf);
            case StepKind.Resolve:
                var target = ReferenceResolver.Resolve(node);
                return target is not null && Walk(target, index + 1, leaf);
            default:
                return false;
        }
    }

    private static IEnumerable<string> SplitSteps(string path)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            switch (path[i])
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    break;
                case '.' when depth == 0:
                    yield return path[start..i];
                    start = i + 1;
                    break;
            }
        }

        if (start < path.Length)
        {
            yield return path[start..];
        }
    }

    private static string Unquote(string text) => text.Trim().Trim('\'', '"');

    private enum StepKind
    {
        Child,
        Extension,
        OfType,
        Resolve,
    }

    private readonly record struct Step(StepKind Kind, string Argument);
}
