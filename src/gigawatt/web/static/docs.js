// The API's documentation, drawn from /openapi.json on this server (offline: no CDN, no inline script).
"use strict";

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function schemaText(spec, schema) {
  if (!schema) return "";
  if (schema.$ref) {
    const name = schema.$ref.split("/").pop();
    const s = spec.components.schemas[name];
    const props = Object.entries(s.properties || {}).map(([k, v]) => {
      const type = v.type || (v.anyOf || []).map((x) => x.type).filter(Boolean).join(" | ") || "value";
      const req = (s.required || []).includes(k) ? " (required)" : "";
      return `  ${k}: ${type}${req}${v.description ? " - " + v.description : ""}`;
    });
    return `${name} {\n${props.join("\n")}\n}`;
  }
  return JSON.stringify(schema);
}

async function main() {
  const box = document.getElementById("docs");
  const spec = await (await fetch("/openapi.json")).json();
  box.replaceChildren(el("p", spec.info.summary || spec.info.title));
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const sec = el("section", undefined, "endpoint");
      sec.append(el("h2", `${method.toUpperCase()} ${path}`));
      sec.append(el("p", op.summary || ""));
      if (op.description) sec.append(el("pre", op.description));
      for (const p of op.parameters || []) {
        sec.append(el("p", `parameter ${p.name} (${p.in}${p.required ? ", required" : ""}): ${p.description || (p.schema && p.schema.type) || ""}`));
      }
      const body = op.requestBody && op.requestBody.content["application/json"];
      if (body) sec.append(el("pre", "body: " + schemaText(spec, body.schema)));
      box.append(sec);
    }
  }
}
main().catch((e) => (document.getElementById("docs").textContent = "could not read /openapi.json: " + e));
