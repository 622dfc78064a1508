namespace Cymbio.Api;

/// <summary>The Cymbio API on a <see cref="CymbioClient"/>: <c>cymbio.Supplier</c> and <c>cymbio.Retailer</c>.</summary>
public static class CymbioClientApiExtensions
{
    extension(CymbioClient cymbio)
    {
        /// <summary>Gets the supplier's operations, with <see cref="CymbioClientOptions.SupplierId"/> bound (created on first use).</summary>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">No supplier id is configured.</exception>
        public CymbioSupplierClient Supplier => cymbio.Aggregate<CymbioSupplierClient>();

        /// <summary>Gets the retailer's operations, with <see cref="CymbioClientOptions.RetailerId"/> bound (created on first use).</summary>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">No retailer id is configured.</exception>
        public CymbioRetailerClient Retailer => cymbio.Aggregate<CymbioRetailerClient>();
    }
}
