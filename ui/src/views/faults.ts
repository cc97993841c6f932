// Faults: the active fault rules with a button to remove each, and a form to add one.
import { del, get, post, seg } from "../api.js";
import { announce, field, h, replace } from "../dom.js";
import { onChange } from "../live.js";
import { confirmAction } from "../dialog.js";
import { dataTable } from "../table.js";
import type { FaultList, FaultRuleEntry, Health } from "../../../src/operator/admin/api-types.js";
import { errorLine, type ViewContext } from "./view.js";

const COMMON_ERRORS = [
  "ThrottlingException",
  "RequestLimitExceeded",
  "InternalError",
  "InternalFailure",
  "ServiceUnavailable",
  "LimitExceededException",
  "ResourceNotAvailableException",
  "ConcurrentModificationException",
  "OperationNotPermittedException",
];

export async function faultsView({ root, signal }: ViewContext): Promise<void> {
  const { services } = await get<Health>("health", signal);
  const error = errorLine();

  const table = dataTable<FaultRuleEntry>({
    caption: "Active fault rules",
    testId: "fault-table",
    empty: "No fault rules: every call behaves.",
    columns: [
      { label: "Rule", className: "mono", render: (f) => h("span", { title: f.id }, f.id.slice(0, 8)) },
      { label: "Service", render: (f) => f.service },
      { label: "Operation", className: "mono", render: (f) => f.operation },
      { label: "Scope", className: "wrap", render: (f) => [f.accountId, f.region, f.resource].filter(Boolean).join(" · ") || "everywhere" },
      {
        label: "Effect",
        className: "wrap",
        render: (f) =>
          [
            f.error ? `error ${f.error.code}${f.error.status ? ` (${f.error.status})` : ""}` : "",
            f.lifecycle ? `lifecycle fails${f.lifecycle.reason ? `: ${f.lifecycle.reason}` : ""}` : "",
            f.latencyMs ? `+${f.latencyMs} ms` : "",
          ]
            .filter(Boolean)
            .join(", "),
      },
      { label: "Used", className: "num", render: (f) => (f.times !== undefined ? `${f.matched} of ${f.times}` : `${f.matched}`) },
      {
        label: "Probability",
        className: "num",
        render: (f) => (f.probability !== undefined ? `${Math.round(f.probability * 100)} %` : "100 %"),
      },
      {
        label: "",
        render: (f) =>
          h(
            "button",
            {
              type: "button",
              class: "btn small danger",
              "aria-label": `Remove the ${f.service} ${f.operation} rule`,
              onclick: () => void remove(f),
            },
            "Remove",
          ),
      },
    ],
  });

  // The form: which calls, what happens to them, and how often.
  const service = h(
    "select",
    { id: "fault-service", name: "service", required: true },
    services.map((s) => h("option", { value: s }, s)),
  );
  const operation = h("input", {
    id: "fault-operation",
    name: "operation",
    required: true,
    placeholder: "DescribeImages or *",
    autocomplete: "off",
  });
  const account = h("input", { id: "fault-account", name: "accountId", inputmode: "numeric", pattern: "[0-9]{12}", placeholder: "any" });
  const region = h("input", { id: "fault-region", name: "region", placeholder: "any" });
  const resource = h("input", { id: "fault-resource", name: "resource", placeholder: "any" });
  const effect = h(
    "select",
    { id: "fault-effect", name: "effect" },
    h("option", { value: "error" }, "Fail with an error"),
    h("option", { value: "lifecycle" }, "Fail the lifecycle (resource ends failed)"),
    h("option", { value: "latency" }, "Only add latency"),
  );
  const errorCode = h("input", { id: "fault-code", name: "code", list: "fault-codes", value: "ThrottlingException", autocomplete: "off" });
  const codes = h(
    "datalist",
    { id: "fault-codes" },
    COMMON_ERRORS.map((c) => h("option", { value: c })),
  );
  const errorStatus = h("input", { id: "fault-status", name: "status", type: "number", min: 400, max: 599, placeholder: "from the code" });
  const errorMessage = h("input", { id: "fault-message", name: "message", placeholder: "the service's usual message" });
  const reason = h("input", { id: "fault-reason", name: "reason", placeholder: "e.g. Subnet has no free addresses" });
  const times = h("input", { id: "fault-times", name: "times", type: "number", min: 1, step: 1, placeholder: "every call" });
  const probability = h("input", { id: "fault-probability", name: "probability", type: "number", min: 0, max: 100, step: 1, value: 100 });
  const latency = h("input", { id: "fault-latency", name: "latencyMs", type: "number", min: 0, max: 60000, step: 1, placeholder: "0" });
  const formError = errorLine();
  const errorFields = h(
    "div",
    { class: "form-row" },
    field("Error code", errorCode),
    field("HTTP status", errorStatus),
    field("Message", errorMessage),
    codes,
  );
  const lifecycleFields = h("div", { class: "form-row", hidden: true }, field("Failure reason", reason));
  effect.addEventListener("change", () => {
    errorFields.hidden = effect.value !== "error";
    lifecycleFields.hidden = effect.value !== "lifecycle";
  });

  const form = h(
    "form",
    { class: "card form", "aria-labelledby": "add-fault-h", "data-testid": "fault-form" },
    h("h2", { id: "add-fault-h" }, "Add a fault rule"),
    h("div", { class: "form-row" }, field("Service", service), field("Operation", operation, "An operation name, or * for all")),
    h("div", { class: "form-row" }, field("Account", account), field("Region", region), field("Resource name or id", resource)),
    h("div", { class: "form-row" }, field("Effect", effect)),
    errorFields,
    lifecycleFields,
    h(
      "div",
      { class: "form-row" },
      field("Times", times, "How many matching calls; empty for all"),
      field("Probability (%)", probability),
      field("Latency (ms)", latency),
    ),
    formError,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn primary" }, "Add rule")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void add();
  });

  const clearAll = h("button", { type: "button", class: "btn danger", onclick: () => void removeAll() }, "Remove all");
  replace(
    root,
    h("div", { class: "view-head" }, h("h1", { tabindex: -1 }, "Faults"), h("div", { class: "head-actions" }, clearAll)),
    h(
      "p",
      { class: "muted lead" },
      "Rules make matching calls fail with an AWS error, answer late, or send what they create to its failure state.",
    ),
    error,
    h("div", { class: "stack" }, table.el, form),
  );

  async function load() {
    try {
      const { faults } = await get<FaultList>("faults", signal);
      table.setRows(faults, (f) => f.id);
      clearAll.disabled = faults.length === 0;
      error.clear();
    } catch (e) {
      if (!signal.aborted) error.show(e);
    }
  }

  async function add() {
    formError.clear();
    const num = (el: HTMLInputElement) => (el.value.trim() === "" ? undefined : Number(el.value));
    const rule: Record<string, unknown> = {
      service: service.value,
      operation: operation.value.trim(),
      accountId: account.value.trim() || undefined,
      region: region.value.trim() || undefined,
      resource: resource.value.trim() || undefined,
      times: num(times),
      probability: num(probability) === undefined || num(probability) === 100 ? undefined : num(probability)! / 100,
      latencyMs: num(latency),
    };
    if (effect.value === "error") {
      rule.error = { code: errorCode.value.trim(), status: num(errorStatus), message: errorMessage.value.trim() || undefined };
    } else if (effect.value === "lifecycle") {
      rule.lifecycle = { outcome: "fail", reason: reason.value.trim() || undefined };
    }
    try {
      const { id } = await post<{ id: string }>("faults", rule);
      announce(`Fault rule added for ${rule.service} ${rule.operation}`);
      operation.value = "";
      await load();
      table.el.querySelector<HTMLElement>(`tr[data-key="${CSS.escape(id)}"] button`)?.focus();
    } catch (e) {
      formError.show(e);
    }
  }

  async function remove(f: FaultRuleEntry) {
    try {
      await del(`faults/${seg(f.id)}`);
      announce(`Removed the ${f.service} ${f.operation} rule`);
      await load();
      (table.el.querySelector<HTMLElement>("tbody button") ?? operation).focus();
    } catch (e) {
      error.show(e);
    }
  }

  async function removeAll() {
    if (!(await confirmAction("Remove every fault rule?", "Every call behaves again, in every account and region.", "Remove all"))) return;
    try {
      await del("faults");
      announce("All fault rules removed");
      await load();
    } catch (e) {
      error.show(e);
    }
  }

  await load();
  onChange(load, signal);
}
