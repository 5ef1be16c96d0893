using FhirFacade.Core.Suppliers;

namespace FhirFacade.Core.Location;

/// <summary>A supplier call that failed as a whole.</summary>
public sealed record SupplierFailure(string Supplier, string Organisation, SupplierFailureKind Kind);
