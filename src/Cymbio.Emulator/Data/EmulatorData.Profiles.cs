using System;
using System.Collections.Generic;
using System.Linq;
using Cymbio.Api.Retailers;
using Cymbio.Api.Suppliers;

namespace Cymbio.Emulator;

/// <summary>Suppliers, retailers, the connections between them, and channels.</summary>
public sealed partial class EmulatorData
{
    private readonly SortedDictionary<long, Supplier> _suppliers = new();
    private readonly SortedDictionary<long, RetailerProfile> _retailers = new();
    private readonly List<Connection> _connections = new();
    private readonly List<Channel> _channels = new();
    private readonly List<(long SupplierId, SupplierChannel Value)> _supplierChannels = new();
    private readonly List<RetailerChannel> _retailerChannels = new();

    /// <summary>The ids of the seeded suppliers, retailers, warehouses, variants and orders.</summary>
    public static partial class Seeded
    {
        /// <summary>The second supplier (99), connected to retailer 12; its variants are in retailer 12's catalogue.</summary>
        public const long OtherSupplier = 99;

        /// <summary>A second retailer (13), connected to supplier 88 only.</summary>
        public const long OtherRetailer = 13;
    }

    /// <summary>A supplier's profile, or <see langword="null"/>.</summary>
    /// <param name="supplierId">The supplier.</param>
    /// <returns>A snapshot.</returns>
    public Supplier? Supplier(long supplierId)
    {
        lock (_gate)
        {
            return _suppliers.GetValueOrDefault(supplierId);
        }
    }

    /// <summary>A retailer's profile, or <see langword="null"/>.</summary>
    /// <param name="retailerId">The retailer.</param>
    /// <returns>A snapshot.</returns>
    public RetailerProfile? Retailer(long retailerId)
    {
        lock (_gate)
        {
            return _retailers.GetValueOrDefault(retailerId);
        }
    }

    internal SortedDictionary<long, Supplier> SupplierRecords => _suppliers;

    internal SortedDictionary<long, RetailerProfile> RetailerRecords => _retailers;

    internal IReadOnlyList<Connection> Connections => _connections;

    internal IReadOnlyList<Channel> ChannelRecords => _channels;

    internal IEnumerable<SupplierChannel> SupplierChannels(long supplierId) => _supplierChannels.Where(c => c.SupplierId == supplierId).Select(static c => c.Value);

    internal IEnumerable<RetailerChannel> RetailerChannels(long retailerId) => _retailerChannels.Where(c => c.RetailerId == retailerId);

    internal bool IsConnected(long supplierId, long retailerId) => _connections.Any(c => c.SupplierId == supplierId && c.RetailerId == retailerId);

    /// <summary>Whether a subdomain is taken by another supplier or retailer.</summary>
    internal bool IsSubdomainTaken(string subdomain, long? exceptSupplier = null, long? exceptRetailer = null) =>
        _suppliers.Values.Any(s => s.Id != exceptSupplier && string.Equals(s.Subdomain, subdomain, StringComparison.OrdinalIgnoreCase))
        || _retailers.Values.Any(r => r.Id != exceptRetailer && string.Equals(r.Subdomain, subdomain, StringComparison.OrdinalIgnoreCase));

    private void SeedProfiles(DateTimeOffset created)
    {
        _suppliers[EmulatorAccounts.SupplierId] = new Supplier { Id = EmulatorAccounts.SupplierId, Name = "Emulator Brand", Subdomain = "emulator-brand", CreatedAt = created, UpdatedAt = created };
        _suppliers[Seeded.OtherSupplier] = new Supplier { Id = Seeded.OtherSupplier, Name = "Other Brand", Subdomain = "other-brand", CreatedAt = created, UpdatedAt = created };
        _retailers[EmulatorAccounts.RetailerId] = new RetailerProfile
        {
            Id = EmulatorAccounts.RetailerId, Name = "Emulator Retail Store", Subdomain = "emulator-retail", ShippingMethodCodes = ["UPS_GROUND", "FEDEX"], CreatedAt = created, UpdatedAt = created,
        };
        _retailers[Seeded.OtherRetailer] = new RetailerProfile
        {
            Id = Seeded.OtherRetailer, Name = "Second Store", Subdomain = "second-store", ShippingMethodCodes = ["UPS_GROUND"], CreatedAt = created, UpdatedAt = created,
        };
        _connections.Add(new Connection(EmulatorAccounts.SupplierId, EmulatorAccounts.RetailerId, "ERP-12", ServiceTypes.Ecommerce));
        _connections.Add(new Connection(EmulatorAccounts.SupplierId, Seeded.OtherRetailer, "ERP-13", ServiceTypes.Ecommerce));
        _connections.Add(new Connection(Seeded.OtherSupplier, EmulatorAccounts.RetailerId, "ERP-99-12", ServiceTypes.Ecommerce));

        _channels.Add(new Channel { Id = 1, Name = "Shopify", Type = ChannelTypes.Dropship, Platform = "shopify", LogoUrl = "https://emulator.cymbio.test/logos/shopify.png" });
        _channels.Add(new Channel { Id = 2, Name = "Amazon", Type = ChannelTypes.Marketplace, Platform = "amazon", LogoUrl = "https://emulator.cymbio.test/logos/amazon.png" });
        _channels.Add(new Channel { Id = 3, Name = "Instagram", Type = ChannelTypes.Social, Platform = "instagram", LogoUrl = "https://emulator.cymbio.test/logos/instagram.png" });
        _supplierChannels.Add((EmulatorAccounts.SupplierId, new SupplierChannel { Id = 501, ChannelId = 1, Name = "Emulator Retail Store (Shopify)", RetailerId = EmulatorAccounts.RetailerId, Status = "active", ServiceType = ServiceTypes.Ecommerce }));
        _supplierChannels.Add((EmulatorAccounts.SupplierId, new SupplierChannel { Id = 502, ChannelId = 2, Name = "Second Store (Amazon)", RetailerId = Seeded.OtherRetailer, Status = "active", ServiceType = ServiceTypes.Ecommerce }));
        _supplierChannels.Add((Seeded.OtherSupplier, new SupplierChannel { Id = 503, ChannelId = 1, Name = "Emulator Retail Store (Shopify)", RetailerId = EmulatorAccounts.RetailerId, Status = "active", ServiceType = ServiceTypes.Ecommerce }));
        _retailerChannels.Add(new RetailerChannel { Id = 601, ChannelId = 1, Name = "Shopify", RetailerId = EmulatorAccounts.RetailerId, Status = "active", ServiceType = ServiceTypes.Ecommerce });
        _retailerChannels.Add(new RetailerChannel { Id = 602, ChannelId = 2, Name = "Amazon", RetailerId = Seeded.OtherRetailer, Status = "active", ServiceType = ServiceTypes.Ecommerce });
    }

    /// <summary>A supplier's trading relationship with a retailer.</summary>
    internal sealed record Connection(long SupplierId, long RetailerId, string RetailerErpId, string ServiceType)
    {
        public string Status { get; init; } = "active";
    }
}
