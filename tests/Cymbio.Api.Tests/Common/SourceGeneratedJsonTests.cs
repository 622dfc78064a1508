using System;
using System.Text.Json;
using Cymbio.Api.Suppliers;
using Refit;
using Xunit;

namespace Cymbio.Api.Tests.Common;

/// <summary>This test process runs without reflection-based JSON (as a trimmed app does), so every other test proves the models need none.</summary>
public sealed class SourceGeneratedJsonTests
{
    [Fact]
    public void ReflectionBasedJson_IsOffInThisProcess()
    {
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(new Uri("https://cymbio.test/"), typeof(Uri)));
    }

    [Fact]
    public void TheRefitSettingsJson_ResolvesEveryModelFromTheContext()
    {
        var options = CymbioApi.JsonOptions;
        Assert.Equal("""{"tracking_number":"1Z"}""", JsonSerializer.Serialize(new AcceptFulfillmentRequest("1Z"), options));
        Assert.Same(CymbioApiJsonContext.Default.Fulfillment.Type, options.GetTypeInfo(typeof(Fulfillment)).Type);
    }

    [Fact]
    public void TheRefitSettings_SerializeThroughTheGeneratedContext()
    {
        var serializer = Assert.IsType<SystemTextJsonContentSerializer>(CymbioApi.CreateRefitSettings().ContentSerializer);
        Assert.Same(CymbioApiJsonContext.Default, serializer.SerializerOptions.TypeInfoResolver);
        Assert.Equal("""{"tracking_number":"1Z"}""", JsonSerializer.Serialize(new AcceptFulfillmentRequest("1Z"), serializer.SerializerOptions));
    }
}
