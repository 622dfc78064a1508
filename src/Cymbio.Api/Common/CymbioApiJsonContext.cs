using System.Collections.Generic;
using System.Text.Json.Serialization;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;

namespace Cymbio.Api;

/// <summary>
/// The System.Text.Json source-generated metadata of every Cymbio model: no reflection-based JSON. Property names are
/// explicit on each model (Cymbio mixes snake_case and camelCase), members Cymbio adds are ignored, and unset optional
/// members are left out of request bodies.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CymbioActionResult))]
[JsonSerializable(typeof(CymbioErrorBody))]
[JsonSerializable(typeof(EmptyRequest))]
[JsonSerializable(typeof(Fulfillment))]
[JsonSerializable(typeof(IReadOnlyList<Fulfillment>))]
[JsonSerializable(typeof(FulfillmentFilter))]
[JsonSerializable(typeof(FulfillmentUpdate))]
[JsonSerializable(typeof(AcceptFulfillmentRequest))]
[JsonSerializable(typeof(ShipFulfillmentRequest))]
[JsonSerializable(typeof(FulfillmentStatusRequest))]
[JsonSerializable(typeof(ShipmentsRequest))]
[JsonSerializable(typeof(Rejection[]))]
[JsonSerializable(typeof(ReturnRequest))]
[JsonSerializable(typeof(SupplierReturn))]
[JsonSerializable(typeof(IReadOnlyList<SupplierReturn>))]
[JsonSerializable(typeof(ReturnFilter))]
[JsonSerializable(typeof(RefundRequest))]
[JsonSerializable(typeof(Supplier))]
[JsonSerializable(typeof(SupplierRequest))]
[JsonSerializable(typeof(ConnectedRetailer))]
[JsonSerializable(typeof(IReadOnlyList<ConnectedRetailer>))]
[JsonSerializable(typeof(Variant))]
[JsonSerializable(typeof(IReadOnlyList<Variant>))]
[JsonSerializable(typeof(VariantRequest))]
[JsonSerializable(typeof(VariantRequest[]))]
[JsonSerializable(typeof(ProductImportRequest))]
[JsonSerializable(typeof(VariantPublication))]
[JsonSerializable(typeof(Warehouse))]
[JsonSerializable(typeof(IReadOnlyList<Warehouse>))]
[JsonSerializable(typeof(WarehouseRequest))]
[JsonSerializable(typeof(InventoryLevel))]
[JsonSerializable(typeof(IReadOnlyList<InventoryLevel>))]
[JsonSerializable(typeof(InventoryLevel[]))]
[JsonSerializable(typeof(InventoryFilter))]
[JsonSerializable(typeof(Channel))]
[JsonSerializable(typeof(IReadOnlyList<Channel>))]
[JsonSerializable(typeof(SupplierChannel))]
[JsonSerializable(typeof(IReadOnlyList<SupplierChannel>))]
[JsonSerializable(typeof(IReadOnlyList<RetailerProduct>))]
[JsonSerializable(typeof(CreateOrderRequest))]
[JsonSerializable(typeof(RetailerOrder))]
[JsonSerializable(typeof(IReadOnlyList<RetailerOrder>))]
[JsonSerializable(typeof(OrderFilter))]
[JsonSerializable(typeof(IReadOnlyList<OrderFulfillment>))]
[JsonSerializable(typeof(CancelOrderRequest))]
[JsonSerializable(typeof(IReadOnlyList<RetailerReturn>))]
[JsonSerializable(typeof(RetailerReturnFilter))]
[JsonSerializable(typeof(IReadOnlyList<RetailerInventoryLevel>))]
[JsonSerializable(typeof(RetailerInventoryFilter))]
[JsonSerializable(typeof(RetailerProfile))]
[JsonSerializable(typeof(CreateRetailerRequest))]
[JsonSerializable(typeof(RetailerUpdate))]
[JsonSerializable(typeof(IReadOnlyList<ConnectedSupplier>))]
[JsonSerializable(typeof(IReadOnlyList<RetailerChannel>))]
public sealed partial class CymbioApiJsonContext : JsonSerializerContext
{
}
