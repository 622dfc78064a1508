using Cymbio.Api.Retailers;

namespace Cymbio.Api.Tests.Retailers;

/// <summary>The retailer payloads of docs/cymbio-api.md, as JSON and, for the order, as the request that sends it.</summary>
internal static class RetailerPayloadSketches
{
    /// <summary>The create-order body of §6.6, value for value.</summary>
    public const string OrderJson = """
        {
          "retailer_order_id": "string",
          "id_in_source": "string",
          "type": "ECOMMERCE",
          "shipping_method_code": "FEDEX",
          "shipping_paid": 10,
          "shipping_address": { "first_name": "", "last_name": "", "address1": "", "address2": "", "city": "", "state": "", "zip": "", "country": "", "phone": "", "email": "" },
          "billing_address":  { },
          "order_lines": [
            { "retailer_sku": "SKU123", "variant_id": 123, "quantity": 1, "unit_price": 299, "billed_amount": 299, "tax_billed_amount": 10 }
          ]
        }
        """;

    /// <summary>A product object of C-20 (§4.3): every field Cymbio's guide shows, <c>variants</c> as numbers.</summary>
    public const string ProductJson = """
        {
          "model": "LS-100", "title": "Linen shirt", "description": "A linen shirt.", "description_extra": "Made in Portugal.",
          "description_bullets": ["100% linen", "Machine wash"], "images": ["https://img.example/ls-100-1.jpg", "https://img.example/ls-100-2.jpg"],
          "special_sale_price_start": "2022-03-01T00:00:00+00:00", "special_sale_price_end": "2022-03-31T23:59:59+00:00",
          "available_inventory": 42, "retailers_count": 3,
          "retail_price_min": 79.9, "retail_price_max": 89.9, "wholesale_price_min": 35, "wholesale_price_max": 40,
          "variants": [1001, 1002, 1003]
        }
        """;

    /// <summary>The request whose body is <see cref="OrderJson"/>.</summary>
    public static CreateOrderRequest Order { get; } = new()
    {
        RetailerOrderId = "string",
        IdInSource = "string",
        Type = OrderTypes.Ecommerce,
        ShippingMethodCode = "FEDEX",
        ShippingPaid = 10m,
        ShippingAddress = new Address { FirstName = "", LastName = "", Address1 = "", Address2 = "", City = "", State = "", Zip = "", Country = "", Phone = "", Email = "" },
        BillingAddress = new Address(),
        OrderLines = [new OrderLine { RetailerSku = "SKU123", VariantId = 123, Quantity = 1, UnitPrice = 299m, BilledAmount = 299m, TaxBilledAmount = 10m }],
    };
}
