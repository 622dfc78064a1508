using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace Cymbio.Api.Retailers;

/// <summary>
/// The retailer's orders: pushing them for fulfilment, reading their status and fulfillments, asking to cancel, and
/// returns (docs/cymbio-api.md C-21 and I-20..I-25). Reading needs <c>read:orders</c>, every change
/// <c>write:orders</c>. Only C-21 was seen; the rest is inferred.
/// </summary>
public interface IRetailerOrdersApi
{
    /// <summary><c>POST /v3/retailers/{retailerId}/orders</c> — pushes a new order; Cymbio splits it into fulfillments per supplier or warehouse. Scope <c>write:orders</c>; confirmed (C-21; S4).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="order">The order.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created order (not documented: assumed, as a create answers elsewhere), or <see langword="null"/> when Cymbio sends no body.</returns>
    [Post("/v3/retailers/{retailerId}/orders")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    [CymbioEndpoint("C-21", CymbioEvidence.Confirmed, "S4")]
    Task<RetailerOrder?> CreateAsync(long retailerId, [Body] CreateOrderRequest order, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/orders</c> — lists orders and their status. Scope <c>read:orders</c>; inferred (I-20).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="filter">The <c>filter</c> query parameter.</param>
    /// <param name="fields">The <c>fields</c> projection: the fields to include, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through (pagination is not documented).</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The orders.</returns>
    [Get("/v3/retailers/{retailerId}/orders")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("I-20", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<RetailerOrder>> ListAsync(
        long retailerId,
        OrderFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/orders/{orderId}</c> — one order, with its fulfillments, states and tracking. Scope <c>read:orders</c>; inferred (I-21).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="orderId">Cymbio's order id (<see cref="RetailerOrder.Id"/>).</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The order.</returns>
    [Get("/v3/retailers/{retailerId}/orders/{orderId}")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("I-21", CymbioEvidence.Inferred)]
    Task<RetailerOrder> GetAsync(long retailerId, long orderId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/orders/{orderId}/fulfillments</c> — the order's fulfillments (per-supplier splits) with shipment tracking. Scope <c>read:orders</c>; inferred (I-22).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="orderId">Cymbio's order id.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fulfillments.</returns>
    [Get("/v3/retailers/{retailerId}/orders/{orderId}/fulfillments")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("I-22", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<OrderFulfillment>> ListFulfillmentsAsync(long retailerId, long orderId, [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /v3/retailers/{retailerId}/orders/{orderId}/setStatus/cancelled</c> — asks to cancel the order or some of its lines (the suppliers see <c>cancelling</c>). Scope <c>write:orders</c>; inferred (I-23).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="orderId">Cymbio's order id.</param>
    /// <param name="request">The reason and, for a partial cancellation, the lines.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Put("/v3/retailers/{retailerId}/orders/{orderId}/setStatus/cancelled")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    [CymbioEndpoint("I-23", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> RequestCancellationAsync(long retailerId, long orderId, [Body] CancelOrderRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>POST /v3/retailers/{retailerId}/orders/{orderId}/returns</c> — informs the suppliers of a new return (the body of the supplier's C-13). Scope <c>write:orders</c>; inferred (I-24).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="orderId">Cymbio's order id.</param>
    /// <param name="request">The return; give it a <see cref="ReturnRequest.ReturnId"/> to make retries safe.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Cymbio's answer, or <see langword="null"/> when it sends no body.</returns>
    [Post("/v3/retailers/{retailerId}/orders/{orderId}/returns")]
    [CymbioScope(CymbioScopes.WriteOrders)]
    [CymbioEndpoint("I-24", CymbioEvidence.Inferred)]
    Task<CymbioActionResult?> CreateReturnAsync(long retailerId, long orderId, [Body] ReturnRequest request, CancellationToken cancellationToken = default);

    /// <summary><c>GET /v3/retailers/{retailerId}/returns</c> — lists returns and refunds. Scope <c>read:orders</c>; inferred (I-25).</summary>
    /// <param name="retailerId">The retailer id.</param>
    /// <param name="filter">The <c>filter</c> query parameter.</param>
    /// <param name="fields">The <c>fields</c> projection, or <see langword="null"/> for all.</param>
    /// <param name="limit">A page size, passed through.</param>
    /// <param name="offset">A page offset, passed through.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The returns.</returns>
    [Get("/v3/retailers/{retailerId}/returns")]
    [CymbioScope(CymbioScopes.ReadOrders)]
    [CymbioEndpoint("I-25", CymbioEvidence.Inferred)]
    Task<IReadOnlyList<RetailerReturn>> ListReturnsAsync(
        long retailerId,
        RetailerReturnFilter? filter = null,
        [Query(CollectionFormat.Csv)] IEnumerable<string>? fields = null,
        int? limit = null,
        int? offset = null,
        CancellationToken cancellationToken = default);
}
