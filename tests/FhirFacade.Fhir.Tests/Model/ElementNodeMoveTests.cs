using FhirFacade.Fhir.Model;

namespace FhirFacade.Fhir.Tests.Model;

[Trait("Category", "Unit")]
public sealed class ElementNodeMoveTests
{
    [Fact]
    public void MoveChildrenTo_EmptyNode_MovesEveryChildInOrderWithParentIndexAndLocation()
    {
        var (root, given) = Patient();
        var children = root.Children.ToList();
        _ = given[1].Location; // cached before the move, so the move must forget it
        var target = new ElementNode("resource", "Patient");
        new ElementNode("entry", "BackboneElement").AddChild(target);

        root.MoveChildrenTo(target);

        root.Children.Should().BeEmpty();
        target.Children.Should().Equal(children);
        target.Children.Should().OnlyContain(c => ReferenceEquals(c.Parent, target));
        target.ChildrenNamed("identifier").Select(n => n.Index).Should().Equal(0, 1);
        given[1].Location.Should().Be("entry.resource.name.given[1]");
    }

    [Fact]
    public void MoveChildrenTo_NodeWithChildren_Throws()
    {
        var (root, _) = Patient();
        var target = new ElementNode("resource", "Patient");
        target.AddChild(new ElementNode("id", "id", text: "x"));

        var move = () => root.MoveChildrenTo(target);

        move.Should().Throw<InvalidOperationException>();
        root.Children.Should().HaveCount(4, "nothing moved");
    }

    [Fact]
    public void MoveChildrenTo_ItselfOrADescendant_Throws()
    {
        var (root, given) = Patient();

        root.Invoking(r => r.MoveChildrenTo(r)).Should().Throw<InvalidOperationException>();
        var leaf = given[0];
        leaf.Children.Should().BeEmpty();
        root.Invoking(r => r.MoveChildrenTo(leaf)).Should().Throw<InvalidOperationException>();
        root.Children.Should().HaveCount(4, "nothing moved");
    }

    private static (ElementNode Root, List<ElementNode> Given) Patient()
    {
        var root = new ElementNode("Patient", "Patient");
        root.AddChild(new ElementNode("id", "id", text: "p1"));
        root.AddChild(new ElementNode("identifier", "Identifier"));
        root.AddChild(new ElementNode("identifier", "Identifier"));
        var name = root.AddChild(new ElementNode("name", "HumanName"));
        var given = new List<ElementNode>
        {
            name.AddChild(new ElementNode("given", "string", text: "Ann")),
            name.AddChild(new ElementNode("given", "string", text: "Bo")),
        };
        return (root, given);
    }
}
