using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's catalogue: variants, product imports, bulk price and content updates, and which retailers see which
/// variants: docs/cymbio-api.md C-16…C-19 (the 2017 SDK S10) and I-5…I-7. Reading needs <c>read:variants</c>, every
/// change <c>write:variants</c>.
/// </summary>
public interface ISupplierCatalogApi
{
    /// <summary><c>GET /v3/suppliers/{supplierId}/variants</c> — lists the supplier's variants. Scope <c>read:variants</c>; dated (C-16; S10).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The variants.</returns>
    [Get("/v3/suppliers/{supplierId}/variants")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    [CymbioEndpoint("C-16", CymbioEvidence.Dated, "S10")]
    Task<IReadOnlyList<Variant>> ListVariantsAsync(
        long supplierId,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/variants</c> — creates a variant. Scope <c>write:variants</c>; dated (C-17; S10).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="variant">The variant: SKU, model, retail price, title and images are required.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new variant.</returns>
    [Post("/v3/suppliers/{supplierId}/variants")]
    [CymbioScope(CymbioScopes.WriteVariants)]
    [CymbioEndpoint("C-17", CymbioEvidence.Dated, "S10")]
    Task<Variant> CreateVariantAsync(long supplierId, [Body] VariantRequest variant, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/variants/{variantId}</c> — one variant (the path is not under the supplier). Scope <c>read:variants</c>; dated (C-18; S10).</summary>
    /// <param name="variantId">The variant id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The variant.</returns>
    [Get("/v3/variants/{variantId}")]
    [CymbioScope(CymbioScopes.ReadVariants)]
    [CymbioEndpoint("C-18", CymbioEvidence.Dated, "S10")]
    Task<Variant> GetVariantAsync(long variantId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/importProducts</c> — imports products and imagery from a file Cymbio downloads. Scope <c>write:variants</c>; dated (C-19; S10).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="request">The file's address and type, and how its columns map to variant fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Post("/v3/suppliers/{supplierId}/importProducts")]
    [CymbioScope(CymbioScopes.WriteVariants)]
    [CymbioEndpoint("C-19", CymbioEvidence.Dated, "S10")]
    Task<CymbioActionResult?> ImportProductsAsync(long supplierId, [Body] ProductImportRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/variants/{variantId}</c> — updates one variant's content or prices. Scope <c>write:variants</c>; inferred (I-5).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="variantId">The variant id.</param>
    /// <param name="variant">The fields to update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/variants/{variantId}")]
    [CymbioScope(CymbioScopes.WriteVariants)]
    [CymbioEndpoint("I-5", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> UpdateVariantAsync(long supplierId, long variantId, [Body] VariantRequest variant, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/variants</c> — updates the prices or content of many variants, keyed by SKU. Scope <c>write:variants</c>; inferred (I-6).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="variants">The updates, each with its <see cref="VariantContent.Sku"/> (the body is a JSON array; an array, since Refit serializes a body by its runtime type).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/variants")]
    [CymbioScope(CymbioScopes.WriteVariants)]
    [CymbioEndpoint("I-6", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> UpdateVariantsAsync(long supplierId, [Body] VariantRequest[] variants, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/retailers/{retailerId}/variants</c> — publishes variants to a retailer, or hides them from it. Scope <c>write:variants</c>; inferred (I-7).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="publication">The variants and whether they are published.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/retailers/{retailerId}/variants")]
    [CymbioScope(CymbioScopes.WriteVariants)]
    [CymbioEndpoint("I-7", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> PublishToRetailerAsync(long supplierId, long retailerId, [Body] VariantPublication publication, CancellationToken cancellationToken = default);
}
