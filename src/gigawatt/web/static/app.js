// gigawatt's page: one scenario, its key assumptions as controls, the charts of its build-out, and the risk,
// compare, validation, claims and sources views. Everything comes from the JSON API of the same server; the page
// holds no numbers of its own. No inline script (the Content-Security-Policy allows this file and plotly.min.js).
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  scenario: "stargate", // a built-in name, or the pasted YAML text
  yaml: null, // the pasted YAML text when the scenario is pasted
  overrides: {}, // override path -> value, as `--set PATH=VALUE`
  info: null, // GET /api/scenarios/{name} or POST /api/resolve
  run: null, // the last POST /api/run answer
  seq: 0, // the number of the newest run request (older answers are dropped)
  tab: "buildout",
};
window.gigawatt = { redraws: [], runs: 0 }; // read by the browser tests: timing of each assumption -> redraw

// ------------------------------------------------------------------------------------------------ formatting

function usd(v) {
  if (v === null || v === undefined) return "–";
  const a = Math.abs(v);
  if (a >= 1e12) return "$" + (v / 1e12).toFixed(2) + "T";
  if (a >= 1e9) return "$" + (v / 1e9).toFixed(2) + "B";
  if (a >= 1e6) return "$" + (v / 1e6).toFixed(1) + "M";
  return "$" + Math.round(v).toLocaleString("en-US");
}
function num(v, digits) {
  if (v === null || v === undefined) return "–";
  if (typeof v !== "number") return String(v);
  return v.toLocaleString("en-US", { maximumFractionDigits: digits === undefined ? 0 : digits });
}
function fmtUnit(v, unit) {
  if (v === null || v === undefined) return "never";
  if (typeof v === "string") return v;
  if (unit === "USD") return usd(v);
  if (unit === "FLOP/s" || unit === "FLOP") return v.toExponential(2) + " " + unit;
  if (unit === "t CO2") return num(v / 1e6, 2) + " Mt CO2";
  if (unit === "MWh") return num(v / 1e6, 2) + " TWh";
  if (unit === "MW") return num(v) + " MW";
  if (unit === "count" || unit === "H100-eq" || unit === "months") return num(v);
  return num(v, 3) + (unit ? " " + unit : "");
}
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "text") e.textContent = v;
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}
function table(node, head, rows) {
  node.replaceChildren(...Array.from(node.querySelectorAll("caption")));
  const thead = el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col", text: h }))));
  const tbody = el("tbody");
  for (const r of rows) {
    const tr = el("tr");
    for (const c of r) tr.append(c instanceof Node ? el("td", {}, c) : el("td", { text: c === null || c === undefined ? "–" : String(c) }));
    tbody.append(tr);
  }
  node.append(thead, tbody);
}
function status(text) {
  $("status").textContent = text;
}

// ------------------------------------------------------------------------------------------------ the API

async function api(method, path, body) {
  const opts = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) {
    opts.headers["Content-Type"] = "application/json";
    opts.body = JSON.stringify(body);
  }
  const r = await fetch(path, opts);
  let data = null;
  const text = await r.text();
  try {
    data = JSON.parse(text);
  } catch (e) {
    data = { detail: `the server answered ${r.status} without JSON` };
  }
  // the answer as the server wrote it: a download gives these bytes (JavaScript would write 9.75e20 as digits)
  if (data && typeof data === "object") Object.defineProperty(data, "text", { value: text, enumerable: false });
  if (!r.ok) {
    const err = new Error(data.detail || `error ${r.status}`);
    err.status = r.status;
    err.problems = data.problems || [];
    throw err;
  }
  return data;
}
function scenarioRef() {
  return state.yaml !== null ? state.yaml : state.scenario;
}
function clearErrors() {
  for (const e of document.querySelectorAll(".field-error")) e.textContent = "";
  for (const e of document.querySelectorAll("[aria-invalid]")) e.removeAttribute("aria-invalid");
}
// show each problem beside the field it names: a control (by its override path or its field path), the YAML box,
// the scenario picker, or a view's own error line
function showProblems(err, fallbackId) {
  const problems = err.problems && err.problems.length ? err.problems : [{ field: null, message: err.message }];
  let placed = false;
  for (const p of problems) {
    const field = (p.field || "").replace(/^overrides\./, "");
    const ctl = (state.info ? state.info.controls : []).find(
      (c) => field && (c.path === field || c.field === field || (c.paths || []).includes(field) || field.startsWith(c.field + ".")),
    );
    let target = null;
    if (ctl) {
      target = $("err-" + ctl.path);
      const input = $("ctl-" + ctl.path);
      if (input) input.setAttribute("aria-invalid", "true");
    } else if (state.yaml !== null && (!fallbackId || fallbackId === "scenario-error")) {
      target = $("yaml-error");
      $("yaml-box").open = true;
      $("yaml-text").setAttribute("aria-invalid", "true");
    }
    target = target || $(fallbackId || "scenario-error");
    target.textContent = (target.textContent ? target.textContent + "\n" : "") + (problems.length > 1 ? p.message : err.message);
    placed = true;
  }
  if (!placed) $(fallbackId || "scenario-error").textContent = err.message;
}

// ------------------------------------------------------------------------------------------------ address bar

function writeUrl() {
  const q = new URLSearchParams();
  if (state.yaml !== null && state.yaml.length > 6000) {
    status("this pasted scenario is too long for a link (over 6,000 characters): the address bar does not hold it");
    return;
  }
  if (state.yaml !== null) {
    q.set("yaml", state.yaml);
  } else {
    q.set("scenario", state.scenario);
  }
  for (const [p, v] of Object.entries(state.overrides)) q.append("set", p + "=" + (typeof v === "string" ? v : JSON.stringify(v)));
  if (state.tab !== "buildout") q.set("view", state.tab);
  history.replaceState(null, "", "?" + q.toString());
  $("cli-line").textContent =
    "gigawatt run " + (state.yaml !== null ? "FILE.yaml" : state.scenario) +
    Object.entries(state.overrides).map(([p, v]) => ` --set '${p}=${typeof v === "string" ? v : JSON.stringify(v)}'`).join("");
}
function readUrl() {
  const q = new URLSearchParams(location.search);
  if (q.get("yaml")) {
    state.yaml = q.get("yaml");
    $("yaml-text").value = state.yaml;
  } else if (q.get("scenario")) state.scenario = q.get("scenario");
  state.overrides = {};
  for (const item of q.getAll("set")) {
    const i = item.indexOf("=");
    if (i <= 0) continue;
    const text = item.slice(i + 1);
    let value = text;
    if (/^-?[0-9.]+(e-?[0-9]+)?$/i.test(text)) value = Number(text);
    else if (text.startsWith("[") || text.startsWith("{")) {
      try { value = JSON.parse(text); } catch (e) { value = text; }
    }
    state.overrides[item.slice(0, i)] = value;
  }
  if (q.get("view")) state.tab = q.get("view");
}

// ------------------------------------------------------------------------------------------------ controls

function controlValue(c) {
  if (c.kind === "choice") return c.paths && c.paths.length && c.paths[0] in state.overrides ? state.overrides[c.paths[0]] : "";
  if (c.kind === "cap") {
    const v = state.overrides[c.path];
    return Array.isArray(v) && v.length ? v[0].per_year : "";
  }
  return c.path in state.overrides ? state.overrides[c.path] : c.value;
}
function sourceText(c) {
  const s = c.source || {};
  const parts = [];
  if (s.status) parts.push(s.status);
  if (s.facts_id) parts.push("facts " + s.facts_id);
  if (s.source) parts.push(s.source);
  if (s.default) parts.push("default " + s.default);
  if (s.dist) parts.push(`${s.dist} (low ${s.low}, mode ${s.mode}, high ${s.high}; run uses its central value)`);
  if (s.note || s.derivation) parts.push(s.note || s.derivation);
  return parts.length ? parts.join(" · ") : c.note || "no source: a choice of this page";
}
function shownValue(c, v) {
  if (v === "" || v === null || v === undefined) return c.kind === "cap" ? "none" : "as in the scenario";
  if (c.kind === "usd") return usd(Number(v));
  if (c.kind === "cap") return num(Number(v)) + " a year";
  return String(v);
}
function buildControls() {
  const box = $("controls");
  box.replaceChildren();
  for (const c of state.info.controls) {
    const id = "ctl-" + c.path;
    const wrap = el("div", { class: "control" });
    const label = el("label", { for: id, title: sourceText(c), text: c.label });
    const out = el("output", { for: id, id: "out-" + c.path });
    const info = el("button", { type: "button", class: "src", "aria-label": "source of " + c.label, text: "source" });
    info.addEventListener("click", () => showSource(c));
    let input;
    if (c.kind === "choice") {
      input = el("select", { id });
      input.append(el("option", { value: "", text: "as in the scenario (" + (c.note || "").replace("as in the scenario: ", "") + ")" }));
      for (const o of c.options) input.append(el("option", { value: o, text: o }));
    } else if (c.kind === "cap") {
      input = el("input", { id, type: "number", min: c.min, max: c.max, step: c.step, placeholder: "none" });
    } else {
      input = el("input", { id, type: "range", min: c.min, max: c.max, step: c.step });
    }
    input.value = controlValue(c);
    out.textContent = shownValue(c, controlValue(c));
    input.setAttribute("aria-describedby", "err-" + c.path);
    input.addEventListener(c.kind === "range" || input.type === "range" ? "input" : "change", () => onControl(c, input));
    if (input.type === "range") input.addEventListener("change", () => onControl(c, input));
    wrap.append(el("div", { class: "control-head" }, label, out, info), input, el("p", { class: "field-error", id: "err-" + c.path, role: "alert" }));
    box.append(wrap);
  }
}
function onControl(c, input) {
  const raw = input.value;
  if (c.kind === "choice") {
    for (const p of c.paths) {
      if (raw === "") delete state.overrides[p];
      else state.overrides[p] = raw;
    }
  } else if (c.kind === "cap") {
    if (raw === "") delete state.overrides[c.path];
    else state.overrides[c.path] = [{ name: "page cap", per_year: Number(raw) }];
  } else {
    const v = Number(raw);
    if (v === c.value) delete state.overrides[c.path];
    else state.overrides[c.path] = v;
  }
  $("out-" + c.path).textContent = shownValue(c, controlValue(c));
  scheduleRun(performance.now());
}
function showSource(c) {
  const box = $("source-detail");
  box.replaceChildren(
    el("h3", { text: c.label }),
    el("p", {}, el("code", { text: c.path })),
    el("p", { text: "value in the scenario: " + shownValue(c, c.value) }),
    el("p", { text: sourceText(c) }),
  );
  selectTab("sources");
  box.focus();
}

// ------------------------------------------------------------------------------------------------ the run

// a change is sent at once; changes made while a run is on its way are sent together when it returns (its answer,
// already stale, is not drawn), so a held-down arrow key never queues runs
let inFlight = false;
let dirty = false;
let pendingStart = null;
function scheduleRun(t0) {
  if (pendingStart === null) pendingStart = t0;
  if (inFlight) {
    dirty = true;
    return;
  }
  const start = pendingStart;
  pendingStart = null;
  refresh(start);
}
async function refresh(t0) {
  const seq = ++state.seq;
  const start = t0 === undefined ? performance.now() : t0;
  clearErrors();
  writeUrl();
  status("running…");
  let data;
  inFlight = true;
  try {
    data = await api("POST", "/api/run?timeseries=true", { scenario: scenarioRef(), overrides: state.overrides });
  } catch (err) {
    inFlight = false;
    if (dirty) return rerun(start);
    if (seq !== state.seq) return;
    showProblems(err);
    status("not run: " + err.message.split("\n")[0]);
    return;
  }
  inFlight = false;
  if (dirty) return rerun(start);
  if (seq !== state.seq) return; // a newer scenario is on its way
  const answered = performance.now();
  state.run = data;
  await drawRun(data);
  const ms = performance.now() - start;
  window.gigawatt.runs += 1;
  const api_ms = answered - start;
  window.gigawatt.redraws.push({ ms, api_ms, draw_ms: ms - api_ms, mw_online_end: data.metrics.mw_online_end, overrides: { ...state.overrides } });
  document.body.dataset.runs = String(window.gigawatt.runs);
  status(`${data.scenario}: simulated and drawn in ${Math.round(ms)} ms`);
}

function rerun(start) {
  dirty = false;
  pendingStart = pendingStart === null ? start : Math.min(pendingStart, start);
  scheduleRun(pendingStart);
}

const CONFIG = { responsive: true, displaylogo: false, toImageButtonOptions: { format: "png", scale: 2 } };
function layout(title, yTitle) {
  return {
    title: { text: title, font: { size: 15 } },
    margin: { l: 60, r: 12, t: 40, b: 40 },
    height: 280,
    legend: { orientation: "h", y: -0.2 },
    yaxis: { title: { text: yTitle }, rangemode: "tozero" },
    hovermode: "x unified",
  };
}
function line(x, y, name, extra) {
  return { x, y, name, type: "scatter", mode: "lines", ...(extra || {}) };
}
async function drawRun(d) {
  const ts = d.timeseries;
  const x = ts.month;
  const src = "computed by gigawatt run from the scenario's inputs (Sources tab)";
  const capex = ts.capex_facility_usd.map((v, i) => (v + ts.capex_it_usd[i]) / 1e9);
  const accelNames = Object.keys(ts).filter((k) => k.startsWith("accelerators_"));
  const B = (a) => a.map((v) => v / 1e9);
  const ht = (unit) => `%{y:,.4~s} ${unit}<extra>%{fullData.name}<br>${src}</extra>`;
  await Promise.all([
    Plotly.react("chart-mw", [line(x, ts.mw_online, "facility MW online", { hovertemplate: ht("MW") }), line(x, ts.it_mw_installed, "IT MW installed", { hovertemplate: ht("MW") })], layout("MW online", "MW"), CONFIG),
    Plotly.react(
      "chart-accel",
      accelNames.length
        ? accelNames.map((k) => line(x, ts[k], k.replace("accelerators_", ""), { stackgroup: "a", hovertemplate: ht("") }))
        : [line(x, ts.accelerators, "accelerators", { hovertemplate: ht("") })],
      layout("Accelerators installed", "count"),
      CONFIG,
    ),
    Plotly.react("chart-h100e", [line(x, ts.h100e, "H100-equivalents", { hovertemplate: ht("H100e") })], layout("H100-equivalents (dense BF16)", "H100e"), CONFIG),
    Plotly.react(
      "chart-money",
      [
        line(x, capex, "capex (facility + IT), cumulative", { hovertemplate: ht("$B") }),
        line(x, B(ts.equity_usd), "money received (equity)", { hovertemplate: ht("$B") }),
        line(x, B(ts.pledged_usd), "money pledged (due)", { line: { dash: "dot", width: 3 }, hovertemplate: ht("$B") }),
        line(x, B(ts.secured_usd), "money secured (due)", { line: { dash: "dash" }, hovertemplate: ht("$B") }),
      ],
      layout("Capex against money pledged, secured and received", "$B"),
      CONFIG,
    ),
    Plotly.react("chart-gap", [line(x, B(ts.funding_gap_usd), "funding gap", { fill: "tozeroy", hovertemplate: ht("$B") })], layout("Funding gap", "$B"), CONFIG),
    Plotly.react("chart-energy", [line(x, ts.energy_mwh.map((v) => v / 1e3), "energy", { hovertemplate: ht("GWh") })], layout("Energy a month", "GWh"), CONFIG),
  ]);
  drawMetrics(d);
  drawPhases(d);
  const w = $("warnings");
  w.replaceChildren(...(d.warnings || []).map((t) => el("p", { class: "warning", text: "warning: " + t })));
}
const METRIC_LABELS = {
  mw_online_end: "MW online at the end",
  accelerators_end: "accelerators at the end",
  h100e_end: "H100-equivalents at the end",
  capex_total_usd: "capex (facility + IT)",
  secured_usd: "money secured",
  equity_received_usd: "money received (equity)",
  funding_gap_max_usd: "largest funding gap",
  first_gw_date: "first month with 1 GW online",
  energy_mwh_total: "energy over the horizon",
};
function drawMetrics(d) {
  $("run-title").textContent = d.title;
  const keys = ["mw_online_end", "accelerators_end", "h100e_end", "capex_total_usd", "secured_usd", "equity_received_usd", "funding_gap_max_usd", "first_gw_date", "energy_mwh_total"];
  $("metrics").replaceChildren(
    ...keys.filter((k) => k in d.metrics).map((k) =>
      el("div", { class: "metric", id: "metric-" + k }, el("span", { class: "k", text: METRIC_LABELS[k] || k }), el("span", { class: "v", text: fmtUnit(d.metrics[k], d.units[k]) })),
    ),
  );
}
function phaseSource(name) {
  if (!state.info) return "";
  const [site, phase] = name.split(/\/(.*)/s);
  const s = (state.info.resolved.sites || []).find((x) => x.name === site);
  const p = s && (s.phases || []).find((x) => x.name === phase);
  if (!p || typeof p.power_mw !== "object") return "";
  const pm = p.power_mw;
  return [pm.status, pm.facts_id && "facts " + pm.facts_id, pm.source, pm.derivation || pm.note].filter(Boolean).join(" · ");
}
function drawPhases(d) {
  const rows = d.phases.map((p) => {
    const power = el("span", { title: phaseSource(p.phase), text: num(p.power_mw) });
    return [p.phase, power, p.planned_start, p.start || "–", p.online || "–", p.status, usd(p.facility_capex_usd)];
  });
  table($("phases"), ["phase", "MW", "planned start", "start", "online", "status", "facility capex"], rows);
}

// ------------------------------------------------------------------------------------------------ scenario

async function loadScenario() {
  clearErrors();
  try {
    state.info =
      state.yaml !== null
        ? await api("POST", "/api/resolve", { scenario: state.yaml, overrides: {} })
        : await api("GET", "/api/scenarios/" + encodeURIComponent(state.scenario));
  } catch (err) {
    showProblems(err);
    status("not loaded: " + err.message.split("\n")[0]);
    return false;
  }
  buildControls();
  fillCatalog(state.info.controls);
  $("show-text").textContent = state.info.show;
  table($("assumptions"), ["path", "value", "status", "reason"], state.info.assumptions.map((a) => [a.path, a.value, a.status, a.reason]));
  return true;
}
// the estimate's accelerator list: the catalog names the server lists in the accelerator control
function fillCatalog(controls) {
  const sel = $("est-accelerator");
  const ctl = controls.find((c) => c.kind === "choice");
  if (sel.options.length || !ctl) return;
  for (const a of ctl.options.filter((o) => !o.startsWith("newest"))) sel.append(el("option", { value: a, text: a }));
  if (ctl.options.includes("gb200")) sel.value = "gb200";
}
async function chooseScenario(name) {
  state.scenario = name;
  state.yaml = null;
  state.overrides = {};
  if (await loadScenario()) await refresh();
}
async function useYaml(text) {
  clearErrors();
  let info;
  try {
    info = await api("POST", "/api/resolve", { scenario: text, overrides: {} });
  } catch (err) {
    $("yaml-box").open = true;
    $("yaml-text").setAttribute("aria-invalid", "true");
    $("yaml-error").textContent = err.message;
    status("the YAML scenario was not used: see the message beside it");
    return;
  }
  state.yaml = text;
  state.overrides = {};
  state.info = info;
  buildControls();
  $("show-text").textContent = info.show;
  await refresh();
}

// ------------------------------------------------------------------------------------------------ downloads

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function csv(columns, rows) {
  const q = (v) => (v === null || v === undefined ? "" : /[",\n]/.test(String(v)) ? '"' + String(v).replace(/"/g, '""') + '"' : String(v));
  return [columns.join(","), ...rows.map((r) => r.map(q).join(","))].join("\n") + "\n";
}
function runName() {
  return (state.run ? state.run.scenario : "scenario").replace(/[^A-Za-z0-9._-]/g, "_");
}

// ------------------------------------------------------------------------------------------------ risk

let riskAbort = null;
async function runRisk() {
  const trials = Number($("risk-trials").value);
  const seed = Number($("risk-seed").value);
  $("risk-error").textContent = "";
  $("risk-trials").removeAttribute("aria-invalid");
  riskAbort = new AbortController();
  $("risk-run").disabled = true;
  $("risk-cancel").disabled = false;
  $("risk-progress").value = 0;
  try {
    const r = await fetch("/api/risk", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/x-ndjson" },
      body: JSON.stringify({ scenario: scenarioRef(), overrides: state.overrides, trials, seed }),
      signal: riskAbort.signal,
    });
    if (!r.ok) {
      const data = await r.json();
      $("risk-error").textContent = data.detail;
      if ((data.problems || []).some((p) => p.field === "trials")) $("risk-trials").setAttribute("aria-invalid", "true");
      return;
    }
    const reader = r.body.getReader();
    const dec = new TextDecoder();
    let buf = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += dec.decode(value, { stream: true });
      let nl;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if (msg.compiling) $("risk-error").textContent = "compiling the engine, first run only (a minute)…";
        if (msg.total) $("risk-progress").value = msg.done / msg.total;
        if (msg.error) $("risk-error").textContent = msg.error.detail;
        if (msg.result) {
          $("risk-error").textContent = "";
          await drawRisk(msg.result);
        }
      }
    }
  } catch (err) {
    $("risk-error").textContent = err.name === "AbortError" ? "cancelled" : String(err.message || err);
  } finally {
    $("risk-run").disabled = false;
    $("risk-cancel").disabled = true;
    riskAbort = null;
  }
}
async function drawRisk(d) {
  const x = d.months;
  const titles = { mw_online: ["MW online", "MW", 1], accelerators: ["Accelerators", "count", 1], h100e: ["H100-equivalents", "H100e", 1], capex_usd: ["Capex, cumulative", "$B", 1e9], funding_gap_usd: ["Funding gap", "$B", 1e9] };
  const jobs = [];
  for (const [k, [title, unit, scale]] of Object.entries(titles)) {
    const f = d.fan[k];
    if (!f) continue;
    const s = (a) => a.map((v) => (v === null ? null : v / scale));
    jobs.push(
      Plotly.react(
        "fan-" + k,
        [
          line(x, s(f.p90), "P90", { line: { width: 0 }, showlegend: false }),
          line(x, s(f.p10), "P10–P90", { fill: "tonexty", line: { width: 0 }, fillcolor: "rgba(31,119,180,0.25)" }),
          line(x, s(f.p50), "P50", { line: { color: "rgb(31,119,180)" } }),
          line(x, s(f.mean), "mean", { line: { dash: "dot", color: "rgb(255,127,14)" } }),
        ],
        layout(`${title}: P10 / P50 / P90 over ${num(d.trials)} trials`, unit),
        CONFIG,
      ),
    );
  }
  await Promise.all(jobs);
  table($("risk-probs"), ["event", "probability"], Object.entries(d.probabilities).map(([k, v]) => [k.replace(/_/g, " "), (v * 100).toFixed(1) + " %"]));
  $("risk-probs").querySelector("table") || null;
  document.body.dataset.riskDone = String(d.trials);
}

// ------------------------------------------------------------------------------------------------ other views

async function runCompare() {
  $("compare-error").textContent = "";
  let d;
  try {
    d = await api("POST", "/api/compare", { first: scenarioRef(), second: $("compare-select").value, overrides: state.overrides });
  } catch (err) {
    $("compare-error").textContent = err.message;
    return;
  }
  const [a, b] = d.scenarios;
  const units = state.run ? state.run.units : {};
  table(
    $("compare-table"),
    ["metric", a, b, "delta (second − first)"],
    Object.entries(d.metrics).map(([k, m]) => [k, fmtUnit(m[a], units[k]), fmtUnit(m[b], units[k]), m.delta === null ? "" : fmtUnit(m.delta, units[k])]),
  );
  await Plotly.react(
    "chart-compare",
    [a, b].map((k) => ({ x: d.yearly[k].map((r) => r.year), y: d.yearly[k].map((r) => r.mw_online), name: k, type: "bar" })),
    { ...layout("MW online at each year's end", "MW"), barmode: "group", hovermode: "closest" },
    CONFIG,
  );
}
const ESTIMATE_UNITS = {
  accelerators: "count",
  it_power_mw: "MW",
  facility_power_mw: "MW",
  capex_it_usd: "USD",
  capex_facility_usd: "USD",
  capex_total_usd: "USD",
  h100e: "H100-eq",
  peak_bf16_flops: "FLOP/s",
  annual_energy_mwh: "MWh",
  annual_energy_cost_usd: "USD",
  annual_emissions_t: "t CO2",
};
async function runEstimate() {
  for (const id of ["est-value-error", "est-pue-error", "est-error"]) $(id).textContent = "";
  const kind = $("est-kind").value;
  const body = { accelerator: $("est-accelerator").value, [kind]: $("est-value").value };
  if ($("est-pue").value !== "") body.pue = Number($("est-pue").value);
  let d;
  try {
    d = await api("POST", "/api/estimate", body);
  } catch (err) {
    for (const p of err.problems.length ? err.problems : [{ field: null, message: err.message }]) {
      const target = p.field === kind ? "est-value-error" : p.field === "pue" ? "est-pue-error" : "est-error";
      $(target).textContent = p.message;
    }
    return;
  }
  table($("est-table"), ["result", "value"], Object.entries(ESTIMATE_UNITS).filter(([k]) => k in d).map(([k, u]) => [k.replace(/_/g, " "), d[k] === null ? "unknown (no published price)" : fmtUnit(d[k], u)]));
  const rows = Object.entries(d.assumptions).map(([k, v]) => [k, num(v.value, 4), v.status || "", v.facts_id || v.source || ""]);
  for (const [k, v] of Object.entries(d.accelerator_sources)) rows.push([d.accelerator + "." + k, v.value === null ? "unpublished" : num(v.value, 4), v.status || "", v.facts_id || v.source || ""]);
  table($("est-assumptions"), ["parameter", "value", "status", "source"], rows);
  $("est-error").textContent = (d.notes || []).join("\n");
}
let validated = false;
async function showValidation() {
  if (validated) return;
  const d = await api("GET", "/api/validate");
  validated = true;
  const pct = (v) => (v === null ? "–" : (v > 0 ? "+" : "") + v.toFixed(1) + " %");
  const s = d.summary;
  $("validate-summary").textContent = `${s.compared} conversions compared: median |error| ${s.median_abs_error_pct === null ? "–" : s.median_abs_error_pct.toFixed(1) + " %"}, worst ${s.worst_abs_error_pct === null ? "–" : s.worst_abs_error_pct.toFixed(1) + " %"} (${s.worst_site || "–"}).`;
  table($("validate-sites"), ["site", "quantity", "reported", "modelled", "error", "status"], d.sites.map((r) => [r.id, r.quantity, fmtUnit(r.reported, r.unit), fmtUnit(r.modelled, r.unit), pct(r.error_pct), r.status]));
  table(
    $("validate-milestones"),
    ["scenario", "site", "milestone", "MW", "observed", "modelled", "error (months)", "facts"],
    d.milestones.map((r) => [r.scenario, r.site, r.milestone, num(r.mw), r.observed_month, r.modelled_month || "not reached", r.error_months === null ? "–" : r.error_months, r.facts_id]),
  );
}
let claimsShown = false;
async function showClaims() {
  if (claimsShown) return;
  $("claims-status").textContent = "weighing the claims (2,000 trials per scenario)…";
  let d;
  try {
    d = await api("GET", "/api/claims?trials=2000&seed=0");
  } catch (err) {
    $("claims-status").textContent = err.message;
    return;
  }
  claimsShown = true;
  $("claims-status").textContent = `${d.claims.length} claims, oldest first; ${d.trials.toLocaleString("en-US")} trials per scenario, seed ${d.seed}.`;
  table(
    $("claims-table"),
    ["date", "speaker", "claim", "kind", "model (when said)", "probability", "observed (as of)", "source"],
    d.claims.map((c) => {
      const src = c.source.address ? el("a", { href: c.source.address, rel: "noreferrer noopener", text: c.source.facts_id || "source" }) : c.source.facts_id || "–";
      return [c.date, c.speaker.name, c.text, c.kind, c.verdict_words || c.verdict || "–", c.probability === null ? "–" : (c.probability * 100).toFixed(0) + " %", `${c.observed.status} (${c.observed.as_of})`, src];
    }),
  );
  $("claims-track").textContent = "track record: " + d.track_record.note;
}

function claimAmount(c) {
  const words = c.comparator === "=" ? "" : c.comparator + " ";
  const value = c.unit === "rank" ? "first (superlative)" : c.unit === "months" ? num(c.quantity, 1) + " months" : c.unit === "EUR" ? "€" + num(c.quantity) + " (not converted)" : fmtUnit(c.quantity, c.unit);
  const by = c.deadline && c.deadline.date ? " by " + c.deadline.date : c.deadline && c.deadline.text ? ` (${c.deadline.text}: unresolved)` : "";
  return words + value + by;
}
async function runExtract() {
  for (const id of ["ex-text-error", "ex-date-error"]) $(id).textContent = "";
  const body = { text: $("ex-text").value, lang: $("ex-lang").value };
  if ($("ex-date").value.trim() !== "") body.date = $("ex-date").value.trim();
  $("ex-status").textContent = "reading the article…";
  let d;
  try {
    d = await api("POST", "/api/claims/extract", body);
  } catch (err) {
    $("ex-status").textContent = "";
    for (const p of err.problems.length ? err.problems : [{ field: null, message: err.message }]) {
      (p.field === "date" ? $("ex-date-error") : $("ex-text-error")).textContent = p.message;
    }
    return;
  }
  const a = d.article;
  $("ex-status").textContent = `${d.claims.length} claims (${a.language}; ${a.date ? "published " + a.date : "no publication date: relative dates left unresolved"}).`;
  table(
    $("ex-table"),
    ["speaker", "quote", "quantity", "kind", "in ledger"],
    d.claims.map((c) => [c.speaker, c.quote, claimAmount(c), c.kind, c.ledger_id || ""]),
  );
}

// ------------------------------------------------------------------------------------------------ tabs and start

function selectTab(name) {
  state.tab = name;
  for (const b of document.querySelectorAll("[role=tab]")) {
    const on = b.id === "tab-" + name;
    b.setAttribute("aria-selected", String(on));
    b.tabIndex = on ? 0 : -1;
    $(b.getAttribute("aria-controls")).hidden = !on;
  }
  writeUrl();
  if (name === "validate") showValidation().catch((e) => ($("validate-summary").textContent = e.message));
  if (name === "claims") showClaims();
  window.dispatchEvent(new Event("resize")); // charts drawn while hidden take their width now
}
function wire() {
  const tabs = Array.from(document.querySelectorAll("[role=tab]"));
  tabs.forEach((b, i) => {
    b.addEventListener("click", () => selectTab(b.id.slice(4)));
    b.addEventListener("keydown", (e) => {
      const j = e.key === "ArrowRight" ? (i + 1) % tabs.length : e.key === "ArrowLeft" ? (i - 1 + tabs.length) % tabs.length : -1;
      if (j >= 0) {
        tabs[j].focus();
        selectTab(tabs[j].id.slice(4));
      }
    });
  });
  $("scenario-select").addEventListener("change", (e) => chooseScenario(e.target.value));
  $("yaml-use").addEventListener("click", () => useYaml($("yaml-text").value));
  $("ex-run").addEventListener("click", runExtract);
  $("yaml-load-current").addEventListener("click", () => {
    if (state.info) $("yaml-text").value = state.info.show;
  });
  $("yaml-file").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    if (f.size > 4 * 1024 * 1024) {
      $("yaml-error").textContent = `${f.name}: ${f.size.toLocaleString("en-US")} bytes; expected at most 4,194,304 (a scenario file's limit)`;
      return;
    }
    $("yaml-text").value = await f.text();
    await useYaml($("yaml-text").value);
  });
  $("reset").addEventListener("click", async () => {
    state.overrides = {};
    buildControls();
    await refresh();
  });
  $("dl-json").addEventListener("click", () => state.run && download(runName() + ".json", state.run.text, "application/json"));
  $("dl-csv").addEventListener("click", () => {
    if (!state.run) return;
    const ts = state.run.timeseries;
    const cols = Object.keys(ts);
    download(runName() + "-timeseries.csv", csv(cols, ts.month.map((_, i) => cols.map((c) => ts[c][i]))), "text/csv");
  });
  $("dl-yearly").addEventListener("click", () => {
    if (!state.run) return;
    const cols = Object.keys(state.run.yearly[0] || {});
    download(runName() + "-yearly.csv", csv(cols, state.run.yearly.map((r) => cols.map((c) => r[c]))), "text/csv");
  });
  $("copy-link").addEventListener("click", async () => {
    writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      status("link copied: " + location.href);
    } catch (e) {
      status("the link is in the address bar: " + location.href);
    }
  });
  $("risk-run").addEventListener("click", runRisk);
  $("risk-cancel").addEventListener("click", () => riskAbort && riskAbort.abort());
  $("compare-run").addEventListener("click", runCompare);
  $("est-run").addEventListener("click", runEstimate);
  $("est-kind").addEventListener("change", () => ($("est-value").value = { power: "1.2 GW", budget: "$100B", accelerators: "100,000" }[$("est-kind").value]));
}
async function start() {
  wire();
  readUrl();
  let names = [];
  try {
    names = await api("GET", "/api/scenarios");
  } catch (err) {
    status("the server did not answer: " + err.message);
    return;
  }
  for (const sel of [$("scenario-select"), $("compare-select")]) {
    for (const s of names) sel.append(el("option", { value: s.name, text: `${s.name} (as of ${s.as_of || "–"})` }));
  }
  $("scenario-select").value = state.scenario;
  $("compare-select").value = names.some((s) => s.name === "stargate-musk") ? "stargate-musk" : names[0].name;
  selectTab(state.tab);
  const overrides = state.overrides;
  if (await loadScenario()) {
    state.overrides = overrides;
    buildControls();
    await refresh();
  }
}
if (typeof Plotly === "undefined") {
  document.addEventListener("DOMContentLoaded", () => status("plotly.min.js did not load: the charts cannot be drawn"));
} else {
  start();
}
