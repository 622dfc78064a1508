using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Cymbio.Api.Suppliers;
using Cymbio.Emulator.Tests.Infrastructure;
using Cymbio.Tests.Shared;
using Xunit;

namespace Cymbio.Emulator.Tests.Conformance;

/// <summary>
/// Cymbio's own Postman collection (docs/cymbio, S9), run by newman against the emulator: every request, its method,
/// path, query and body exactly as Cymbio wrote them. Only the collection's variables are pointed at the emulator (the
/// host, a bearer token, the supplier and the fulfillment each request acts on, chosen in a state that allows the
/// request), and each request gets a test script checking the answer Cymbio documents: 200 with the fulfillment list
/// or object for reads, <c>{"success": true, …}</c> for actions (docs/cymbio-api.md §2.5, S5).
/// </summary>
public sealed class NewmanConformanceTests
{
    /// <summary>The fulfillment each request acts on (the collection's own ids are examples from different accounts).</summary>
    private static readonly Dictionary<string, long> Fulfillments = new()
    {
        ["Get Fulfillment"] = 929,
        ["Returns"] = EmulatorData.Seeded.Shipped,
        ["Accept a Fulfillment"] = 929,
        ["Ship a Fulfillment"] = EmulatorData.Seeded.Accepted,
        ["Cant Cancel a Fulfillment"] = EmulatorData.Seeded.CancellationRequested,
        ["Fulfillment Error No Stock"] = 1001,
        ["Fulfillment Error Missing SKU"] = 1002,
        ["Fulfillment Error Wrong Address"] = 1003,
        ["Update Fulfillment with Invoice ID"] = 929,
    };

    [Fact]
    public async Task EveryRequestOfCymbiosCollection_GetsTheDocumentedAnswer()
    {
        await using var emulator = await CymbioEmulator.StartAsync();
        using var http = new HttpClient();
        var token = await TokenForm.AccessTokenAsync(http, emulator, emulator.Account(EmulatorAccounts.Supplier));
        var work = Directory.CreateTempSubdirectory("cymbio-newman-");
        try
        {
            var collection = Path.Combine(work.FullName, "collection.json");
            var report = Path.Combine(work.FullName, "report.json");
            var (names, json) = PointAtTheEmulator(File.ReadAllText(Repository.PathOf("docs", "cymbio", "Fulfillments.postman_collection.json")));
            File.WriteAllText(collection, json);

            var (exitCode, output) = await Task.Run(() => DotnetProcess.RunProgram(Newman(), work.FullName,
            [
                "run", collection,
                "--env-var", "api-host=" + emulator.BaseAddress.ToString().TrimEnd('/'),
                "--env-var", "access_token=" + token,
                "--env-var", "supplier_id=" + EmulatorAccounts.SupplierId,
                "--reporters", "json", "--reporter-json-export", report,
                "--disable-unicode", "--color", "off",
            ], TimeSpan.FromMinutes(2)));

            var executions = JsonNode.Parse(File.ReadAllText(report))!["run"]!["executions"]!.AsArray();
            var results = executions.Select(static e => (
                Name: (string)e!["item"]!["name"]!,
                Status: (int?)e["response"]?["code"],
                Failures: e["assertions"]?.AsArray().Where(static a => a?["error"] is not null).Select(static a => (string?)a!["error"]!["message"]).ToArray() ?? [])).ToArray();

            Assert.True(exitCode == 0, $"newman exit code {exitCode}: {string.Join("; ", results.Where(static r => r.Failures.Length > 0).Select(static r => $"{r.Name} ({r.Status}): {string.Join(", ", r.Failures)}"))}");
            Assert.Equal(names.Order(StringComparer.Ordinal), results.Select(static r => r.Name).Order(StringComparer.Ordinal));
            Assert.All(results, r => Assert.InRange(r.Status ?? 0, 200, 299));
        }
        finally
        {
            work.Delete(recursive: true);
        }

        // The writes took effect.
        Assert.Equal("12345", emulator.Data.Fulfillment(929)!.InvoiceId);
        Assert.Equal(FulfillmentStates.Accepted, emulator.Data.Fulfillment(929)!.FulfillmentState);
        Assert.Equal(("1Z3321233243242344", FulfillmentStates.Shipped), (emulator.Data.Fulfillment(EmulatorData.Seeded.Accepted)!.TrackingNumber, emulator.Data.Fulfillment(EmulatorData.Seeded.Accepted)!.FulfillmentState));
        Assert.Equal(FulfillmentStates.Shipped, emulator.Data.Fulfillment(EmulatorData.Seeded.AcceptedWithTwoLines)!.FulfillmentState);
        Assert.Equal("rejected", emulator.Data.Fulfillment(EmulatorData.Seeded.Rejectable)!.FulfillmentState);
        Assert.Equal(FulfillmentStates.Accepted, emulator.Data.Fulfillment(EmulatorData.Seeded.CancellationRequested)!.FulfillmentState);
        Assert.Equal([FulfillmentStatuses.OutOfStock, FulfillmentStatuses.MissingSku, FulfillmentStatuses.WrongAddress], new long[] { 1001, 1002, 1003 }.Select(id => emulator.Data.Fulfillment(id)!.FulfillmentState));
        Assert.Equal("A11B22", Assert.Single(emulator.Data.Returns(EmulatorAccounts.SupplierId)).ReturnId);
        Assert.Equal(14, emulator.Requests.Records.Count(static r => !r.IsTokenRequest));
    }

    private static string Newman()
    {
        var local = Repository.PathOf("tools", "newman", "node_modules", ".bin", "newman");
        Assert.True(File.Exists(local), $"newman is not installed: run `npm ci --prefix tools/newman` (.ci/run and the build of this test project do it). Looked for {local}.");
        return local;
    }

    /// <summary>Points the collection's variables at the emulator and adds a test script to each request.</summary>
    private static (List<string> Names, string Json) PointAtTheEmulator(string text)
    {
        var root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        var names = new List<string>();
        foreach (var item in Requests(root))
        {
            var name = (string)item["name"]!;
            names.Add(name);
            var request = item["request"]!.AsObject();
            request["auth"] = new JsonObject
            {
                ["type"] = "bearer",
                ["bearer"] = new JsonArray(new JsonObject { ["key"] = "token", ["value"] = "{{access_token}}", ["type"] = "string" }),
            };
            foreach (var variable in request["url"]!["variable"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                variable["value"] = (string)variable["key"]! switch
                {
                    "SUPPLIER_ID" => "{{supplier_id}}",
                    "FULFILMENT_ID" or "FULFILLMENT_ID" => Fulfillments[name].ToString(System.Globalization.CultureInfo.InvariantCulture),
                    var other => throw new InvalidOperationException($"Unexpected path variable {other} in {name}."),
                };
            }

            item["event"] = new JsonArray(new JsonObject
            {
                ["listen"] = "test",
                ["script"] = new JsonObject { ["type"] = "text/javascript", ["exec"] = new JsonArray(Script(name, (string)request["method"]!).Select(static l => (JsonNode)l!).ToArray()) },
            });
        }

        return (names, root.ToJsonString());
    }

    /// <summary>The answer Cymbio documents for the request (S5, S6, S10).</summary>
    private static IEnumerable<string> Script(string name, string method)
    {
        yield return "pm.test('2xx with JSON', function () { pm.response.to.be.success; pm.response.to.be.json; });";
        if (method == "GET" && name.StartsWith("Get Fulfillments", StringComparison.Ordinal) || name == "Get Orders To Fulfill")
        {
            var state = name == "Get Orders To Fulfill" ? "['new']" : "['cancelling', 'canceling']";
            yield return "pm.test('a bare array of fulfillments in the asked state', function () {";
            yield return "  var body = pm.response.json(); pm.expect(body).to.be.an('array').that.is.not.empty;";
            yield return $"  body.forEach(function (f) {{ pm.expect(f.id).to.be.a('number'); pm.expect({state}).to.include(f.fulfillment_state); }});";
            yield return "});";
        }
        else if (method == "GET")
        {
            yield return "pm.test('the fulfillment', function () { var f = pm.response.json(); pm.expect(f.id).to.equal(929); pm.expect(f.retailer_state).to.be.a('string'); pm.expect(f.fulfillment_lines).to.be.an('array'); });";
        }
        else
        {
            yield return "pm.test('success', function () { var r = pm.response.json(); pm.expect(r.success).to.equal(true); pm.expect(r.message).to.be.a('string'); });";
        }
    }

    private static IEnumerable<JsonObject> Requests(JsonObject node)
    {
        foreach (var item in node["item"]?.AsArray().OfType<JsonObject>() ?? [])
        {
            if (item["request"] is not null)
            {
                yield return item;
            }

            foreach (var nested in Requests(item))
            {
                yield return nested;
            }
        }
    }
}
