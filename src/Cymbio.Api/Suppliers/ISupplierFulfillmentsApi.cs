using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Suppliers;

/// <summary>
/// The supplier's fulfillments (the retailers' orders it ships), their status changes, shipments, rejections and
/// returns: docs/cymbio-api.md §4.1 and I-15, I-16. Reading needs <c>read:orders</c>, every change
/// <c>write:fulfillments</c>.
/// </summary>
public interface ISupplierFulfillmentsApi
{
    /// <summary><c>GET /v3/suppliers/{supplierId}/fulfillments</c> — lists fulfillments. Scope <c>read:orders</c>; confirmed (C-1; S5, S6, S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="filter">The <c>filter</c> query parameter, for example new orders or cancellation requests.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fulfillments.</returns>
    [Get("/v3/suppliers/{supplierId}/fulfillments")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("C-1", CymbioEvidence.Confirmed, "S5 S6 S9")]
    Task<IReadOnlyList<Fulfillment>> ListAsync(
        long supplierId,
        FulfillmentFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}</c> — one fulfillment. Scope <c>read:orders</c>; confirmed (C-2; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fulfillment.</returns>
    [Get("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("C-2", CymbioEvidence.Confirmed, "S9")]
    Task<Fulfillment> GetAsync(long supplierId, long fulfillmentId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}</c> — updates fields, for example attaches an invoice. Scope <c>write:fulfillments</c>; confirmed (C-3; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="update">The fields to update.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-3", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> UpdateAsync(long supplierId, long fulfillmentId, [Body] FulfillmentUpdate update, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/accepted</c> — accepts the fulfillment. Scope <c>write:fulfillments</c>; confirmed (C-4; S5, S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="request">The body: <c>{}</c> or a tracking number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/accepted")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-4", CymbioEvidence.Confirmed, "S5 S9")]
    Task<CymbioActionResult?> AcceptAsync(long supplierId, long fulfillmentId, [Body] AcceptFulfillmentRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/shipped</c> — ships the whole fulfillment with one tracking number. Scope <c>write:fulfillments</c>; confirmed (C-5; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="request">The tracking number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/shipped")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-5", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> ShipAsync(long supplierId, long fulfillmentId, [Body] ShipFulfillmentRequest request, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/canceled</c> — approves the retailer's
    /// cancellation, path form. Scope <c>write:fulfillments</c>; inferred (C-6: S6 shows only the body form,
    /// <see cref="SetStatusAsync"/>). <see cref="SupplierFulfillmentsApiExtensions.ApproveCancellationAsync(ISupplierFulfillmentsApi, long, long, CancellationToken)"/> tries this
    /// form and falls back to the body form.
    /// </summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="body">The empty body <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/canceled")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-6", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> CancelAsync(long supplierId, long fulfillmentId, [Body] EmptyRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus</c> with <c>{"status": …}</c> — a status change, body form. Scope <c>write:fulfillments</c>; confirmed (C-6; S6).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="request">The target status, for example <see cref="FulfillmentStatuses.Canceled"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-6", CymbioEvidence.Confirmed, "S6")]
    Task<CymbioActionResult?> SetStatusAsync(long supplierId, long fulfillmentId, [Body] FulfillmentStatusRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/cancellation_not_allowed</c> — refuses the retailer's cancellation. Scope <c>write:fulfillments</c>; confirmed (C-7; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="body">The empty body <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/cancellation_not_allowed")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-7", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> RefuseCancellationAsync(long supplierId, long fulfillmentId, [Body] EmptyRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/out_of_stock</c> — rejects the whole fulfillment: no stock. Scope <c>write:fulfillments</c>; confirmed (C-8; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="body">The empty body <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/out_of_stock")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-8", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> RejectOutOfStockAsync(long supplierId, long fulfillmentId, [Body] EmptyRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/missing_sku</c> — rejects the whole fulfillment: unknown SKU. Scope <c>write:fulfillments</c>; confirmed (C-9; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="body">The empty body <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/missing_sku")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-9", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> RejectMissingSkuAsync(long supplierId, long fulfillmentId, [Body] EmptyRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/wrong_address</c> — rejects the whole fulfillment: address problem. Scope <c>write:fulfillments</c>; confirmed (C-10; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="body">The empty body <c>{}</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/setStatus/wrong_address")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-10", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> RejectWrongAddressAsync(long supplierId, long fulfillmentId, [Body] EmptyRequest body, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/fulfillments/shipments</c> — ships some or all lines in one or more packages. Scope <c>write:fulfillments</c>; confirmed (C-11; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="request">The fulfillment and its packages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Post("/v3/suppliers/{supplierId}/fulfillments/shipments")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-11", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> CreateShipmentsAsync(long supplierId, [Body] ShipmentsRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/fulfillments/rejections</c> — rejects lines of one or more fulfillments. Scope <c>write:fulfillments</c>; confirmed (C-12; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="rejections">The rejections (the body is a JSON array; an array, since Refit serializes a body by its runtime type); give each a <see cref="Rejection.RejectId"/> to make retries safe.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Post("/v3/suppliers/{supplierId}/fulfillments/rejections")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-12", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> RejectLinesAsync(long supplierId, [Body] Rejection[] rejections, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/returns</c> — pushes a return. Scope <c>write:fulfillments</c>; confirmed (C-13; S9).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="fulfillmentId">The fulfillment id.</param>
    /// <param name="request">The return; give it a <see cref="ReturnRequest.ReturnId"/> to make retries safe.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Post("/v3/suppliers/{supplierId}/fulfillments/{fulfillmentId}/returns")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("C-13", CymbioEvidence.Confirmed, "S9")]
    Task<CymbioActionResult?> CreateReturnAsync(long supplierId, long fulfillmentId, [Body] ReturnRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/suppliers/{supplierId}/returns</c> — lists returns. Scope <c>read:orders</c>; inferred (I-15).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="filter">The <c>filter</c> query parameter.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through.</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The returns.</returns>
    [Get("/v3/suppliers/{supplierId}/returns")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("I-15", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<SupplierReturn>> ListReturnsAsync(
        long supplierId,
        ReturnFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/suppliers/{supplierId}/returns/{returnId}/setStatus/{status}</c> — approves, rejects or marks a return refunded. Scope <c>write:fulfillments</c>; inferred (I-16).</summary>
    /// <param name="supplierId">The supplier id.</param>
    /// <param name="returnId">Cymbio's id of the return (<see cref="SupplierReturn.Id"/>).</param>
    /// <param name="status">The target status, one of <see cref="ReturnStatuses"/>.</param>
    /// <param name="request">The body: <c>{}</c> or the refunded amount.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/suppliers/{supplierId}/returns/{returnId}/setStatus/{status}")]
    [CymbioScope(CymbioScopes.WriteFulfillments)]
    [CymbioEndpoint("I-16", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> SetReturnStatusAsync(long supplierId, long returnId, string status, [Body] RefundRequest request, CancellationToken cancellationToken = default);
}
