using System;
using Cymbio;
using Cymbio.Analyzers.BuildSample.Api;

// BuildSampleTests asserts the warning of this file by line and column: keep the lines where they are.
using var cymbio = new CymbioClient(new CymbioClientOptions { Grants = { CymbioScopes.ReadOrders } });
var orders = cymbio.Create<IOrdersApi>();

// read:orders is granted: no diagnostic.
Console.WriteLine(await orders.ListAsync(88));

// write:orders is not: CYM0012 at CancelAsync.
await orders.CancelAsync(88, 1);
