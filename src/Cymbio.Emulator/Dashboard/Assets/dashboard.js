// The emulator's live dashboard. Every value shown came from a request or from the emulator's state: it is only ever
// written with textContent, never parsed as HTML.
"use strict";

(() => {
  const maxRequests = 200;
  const maxDenials = 200;
  const tokens = new Map();        // id -> { data, row }
  const seenRequests = new Set();  // sequence numbers shown
  let clockOffsetMs = 0;           // server time - local time
  let denialCount = 0;

  const $ = (selector) => document.querySelector(selector);

  function cell(row, text, className) {
    const td = document.createElement("td");
    td.textContent = text ?? "";
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function codeCell(row, text, className) {
    const td = cell(row, "", className);
    if (text) {
      const code = document.createElement("code");
      code.textContent = text;
      td.appendChild(code);
    }
    return td;
  }

  function scopes(list) { return list && list.length ? list.join(" ") : "—"; }

  function setClock(serverNow) { clockOffsetMs = Date.parse(serverNow) - Date.now(); }

  function prepend(tbody, row, limit) {
    tbody.insertBefore(row, tbody.firstChild);
    while (tbody.rows.length > limit) tbody.deleteRow(tbody.rows.length - 1);
  }

  // Tokens ---------------------------------------------------------------------------------------------------------

  function renderToken(token, fresh) {
    const existing = tokens.get(token.id);
    if (existing) existing.row.remove();
    const row = document.createElement("tr");
    row.dataset.tokenId = String(token.id);
    cell(row, String(token.id), "mono");
    cell(row, token.account);
    cell(row, token.grant);
    codeCell(row, scopes(token.scopes), "scopes");
    const expires = cell(row, "", "expires mono");
    const state = cell(row, "", "state");
    if (fresh) row.classList.add("new");
    tokens.set(token.id, { data: token, row, expires, state });
    const tbody = $("#tokens tbody");
    // Newest (highest id) first.
    const after = Array.from(tbody.rows).find((r) => Number(r.dataset.tokenId) < token.id);
    tbody.insertBefore(row, after ?? null);
    tick();
  }

  function tick() {
    const now = Date.now() + clockOffsetMs;
    for (const { data, expires, state } of tokens.values()) {
      const left = Date.parse(data.expiresAt) - now;
      let label;
      if (data.revoked) label = "revoked";
      else if (left <= 0) label = "expired";
      else label = data.renewal ? "renewal" : "issued";
      if (left > 0 && !data.revoked) {
        const seconds = Math.ceil(left / 1000);
        expires.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
      } else {
        expires.textContent = "—";
      }
      if (state.textContent !== label) {
        state.textContent = label;
        state.className = `state state-${label}`;
      }
    }
  }

  // Requests and denials -------------------------------------------------------------------------------------------

  function requestText(request) { return `${request.method} ${request.path}`; }

  function renderRequest(request, fresh) {
    if (seenRequests.has(request.sequence)) return;
    seenRequests.add(request.sequence);
    if (seenRequests.size > 4 * maxRequests) {
      const oldest = Math.min(...seenRequests);
      seenRequests.delete(oldest);
    }

    const row = document.createElement("tr");
    row.dataset.sequence = String(request.sequence);
    if (request.denied) row.classList.add("denied");
    if (fresh) row.classList.add("new");
    cell(row, String(request.sequence), "mono");
    cell(row, new Date(request.at).toLocaleTimeString(), "mono");
    codeCell(row, requestText(request), "request");
    cell(row, request.fault ? `${request.status} (fault: ${request.fault})` : String(request.status), "status");
    codeCell(row, request.route === "/oauth/token" ? "—" : scopes(request.requiredScopes), "required");
    codeCell(row, scopes(request.tokenScopes), "token-scopes");
    codeCell(row, request.operation ?? "—", "operation");
    cell(row, `${request.latencyMs} ms`, "latency mono");
    cell(row, request.userAgent ?? "", "client");
    prepend($("#requests tbody"), row, maxRequests);

    if (request.denied) renderDenial(request, fresh);
  }

  function renderDenial(request, fresh) {
    const row = document.createElement("tr");
    row.dataset.sequence = String(request.sequence);
    row.className = fresh ? "denied new" : "denied";
    cell(row, String(request.sequence), "mono");
    cell(row, String(request.status), "status");
    codeCell(row, requestText(request), "request");
    codeCell(row, request.missingScopes.length ? request.missingScopes.join(" ") : "—", "missing");
    codeCell(row, request.operation ?? "—", "operation");
    cell(row, request.error ?? "", "error");
    prepend($("#denials tbody"), row, maxDenials);
    denialCount++;
    $("#denial-count").textContent = String(denialCount);
  }

  // Faults ---------------------------------------------------------------------------------------------------------

  let applying = false;

  function renderFaults(faults) {
    applying = true;
    $("#fault-token-down").checked = faults.tokenEndpointDown;
    $("#fault-too-many").checked = faults.tooManyRequestsRetryAfterSeconds != null;
    if (faults.tooManyRequestsRetryAfterSeconds != null) $("#fault-retry-after").value = faults.tooManyRequestsRetryAfterSeconds;
    $("#fault-slow").checked = faults.slowResponsesMilliseconds != null;
    if (faults.slowResponsesMilliseconds != null) $("#fault-delay").value = faults.slowResponsesMilliseconds;
    applying = false;

    const list = $("#fault-rules");
    list.replaceChildren();
    if (!faults.rules.length) {
      const li = document.createElement("li");
      li.className = "empty";
      li.textContent = "None.";
      list.appendChild(li);
    }
    for (const rule of faults.rules) {
      const li = document.createElement("li");
      li.textContent = `${rule.target}: ${rule.fault}${rule.remaining == null ? "" : ` (${rule.remaining} more)`}`;
      list.appendChild(li);
    }
  }

  async function postFaults() {
    if (applying) return;
    const error = $("#faults-error");
    error.textContent = "";
    const body = {
      tokenEndpointDown: $("#fault-token-down").checked,
      tooManyRequestsRetryAfterSeconds: $("#fault-too-many").checked ? Number($("#fault-retry-after").value) : null,
      slowResponsesMilliseconds: $("#fault-slow").checked ? Number($("#fault-delay").value) : null,
    };
    try {
      const response = await fetch("/_dashboard/faults", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!response.ok) {
        error.textContent = await response.text();
        return;
      }
      renderFaults(await response.json());
    } catch (e) {
      error.textContent = `The switches could not be applied: ${e}`;
    }
  }

  // The stream -----------------------------------------------------------------------------------------------------

  function snapshot(data) {
    setClock(data.serverNow);
    $("#base-address").textContent = data.baseAddress;
    tokens.clear();
    seenRequests.clear();
    denialCount = 0;
    $("#denial-count").textContent = "0";
    for (const tbody of document.querySelectorAll("table tbody")) tbody.replaceChildren();
    for (const token of data.tokens) renderToken(token, false);
    for (const request of data.requests) renderRequest(request, false);
    renderFaults(data.faults);
  }

  function connect() {
    const connection = $("#connection");
    const events = new EventSource("/_dashboard/events");
    events.addEventListener("open", () => {
      connection.dataset.state = "live";
      connection.textContent = "Live";
    });
    events.addEventListener("error", () => {
      connection.dataset.state = "lost";
      connection.textContent = "Connection lost, retrying…";
    });
    const on = (name, handler) => events.addEventListener(name, (event) => {
      const message = JSON.parse(event.data);
      if (name === "snapshot") {
        handler(message);
        return;
      }
      setClock(message.serverNow);
      handler(message.data);
    });
    on("snapshot", snapshot);
    on("token", (token) => renderToken(token, true));
    on("revoked", (ids) => {
      for (const id of ids) {
        const entry = tokens.get(id);
        if (entry) entry.data.revoked = true;
      }
      tick();
    });
    on("request", (request) => renderRequest(request, true));
    on("faults", renderFaults);
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("#faults").addEventListener("change", postFaults);
    $("#faults").addEventListener("submit", (event) => event.preventDefault());
    setInterval(tick, 250);
    connect();
  });
})();
