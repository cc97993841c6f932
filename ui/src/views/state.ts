// State: export the state document, import one, and reset everything or one account, region or service;
// import and reset ask for confirmation first.
import { get, post } from "../api.js";
import { field, h, replace } from "../dom.js";
import { confirmAction } from "../dialog.js";
import { changed } from "../live.js";
import type { AccountList, Health } from "../../../src/operator/admin/api-types.js";
import { errorLine, type ViewContext } from "./view.js";

export async function stateView({ root, signal }: ViewContext): Promise<void> {
  const [{ services }, { accounts }] = await Promise.all([get<Health>("health", signal), get<AccountList>("resources/accounts", signal)]);
  const regions = [...new Set(accounts.flatMap((a) => a.regions))].sort();

  // Export
  const exportError = errorLine();
  const exportResult = h("p", { class: "muted result", "aria-live": "polite" });
  const exportBtn = h("button", { type: "button", class: "btn primary", onclick: () => void doExport() }, "Export state");
  async function doExport() {
    exportError.clear();
    try {
      const doc = await get<{ records: unknown[]; clock?: { now: string } }>("state");
      const blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const name = `imagelite-state-${(doc.clock?.now ?? new Date().toISOString()).replace(/[:.]/g, "-")}.json`;
      const a = h("a", { href: url, download: name }, name);
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      exportResult.textContent = `Exported ${doc.records.length} records as ${name}.`;
    } catch (e) {
      exportError.show(e);
    }
  }

  // Import
  const file = h("input", { id: "import-file", type: "file", accept: "application/json,.json" });
  const importError = errorLine();
  const importResult = h("p", { class: "muted result", "aria-live": "polite" });
  const importForm = h(
    "form",
    { class: "stack-sm" },
    field("State document (JSON)", file, "Replaces every record and the clock with the document's."),
    importError,
    importResult,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn" }, "Import…")),
  );
  importForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void doImport();
  });
  async function doImport() {
    importError.clear();
    importResult.textContent = "";
    const f = file.files?.[0];
    if (!f) return importError.show("Choose a state document first.");
    let doc: unknown;
    try {
      doc = JSON.parse(await f.text());
    } catch {
      return importError.show(`${f.name} is not JSON.`);
    }
    if (
      !(await confirmAction(
        "Import state?",
        `Every record on this server is replaced by those of ${f.name}. This cannot be undone.`,
        "Import",
      ))
    )
      return;
    try {
      const { imported } = await post<{ imported: number }>("state", doc);
      importResult.textContent = `Imported ${imported} records from ${f.name}.`;
      changed();
    } catch (e) {
      importError.show(e);
    }
  }

  // Reset
  const account = h(
    "select",
    { id: "reset-account" },
    h("option", { value: "" }, "All accounts"),
    accounts.map((a) => h("option", { value: a.account }, a.account)),
  );
  const region = h(
    "select",
    { id: "reset-region" },
    h("option", { value: "" }, "All regions"),
    regions.map((r) => h("option", { value: r }, r)),
  );
  const service = h(
    "select",
    { id: "reset-service" },
    h("option", { value: "" }, "All services"),
    services.map((s) => h("option", { value: s }, s)),
  );
  const resetError = errorLine();
  const resetResult = h("p", { class: "muted result", "aria-live": "polite" });
  const resetForm = h(
    "form",
    { class: "stack-sm" },
    h("div", { class: "form-row" }, field("Account", account), field("Region", region), field("Service", service)),
    resetError,
    resetResult,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "btn danger" }, "Reset…")),
  );
  resetForm.addEventListener("submit", (e) => {
    e.preventDefault();
    void doReset();
  });
  async function doReset() {
    resetError.clear();
    resetResult.textContent = "";
    const scope = { accountId: account.value || undefined, region: region.value || undefined, service: service.value || undefined };
    const where = [scope.accountId && `of account ${scope.accountId}`, scope.region && `in ${scope.region}`].filter(Boolean).join(" ");
    const what =
      scope.service || where
        ? `${scope.service ? `the ${scope.service} records` : "the records"} ${where}`.trim()
        : "every record of every account, region and service";
    if (!(await confirmAction("Reset state?", `This deletes ${what}, and the fault rules of that scope. This cannot be undone.`, "Reset")))
      return;
    try {
      await post("reset", scope);
      resetResult.textContent = "Reset done.";
      changed();
    } catch (e) {
      resetError.show(e);
    }
  }

  replace(
    root,
    h("div", { class: "view-head" }, h("h1", { tabindex: -1 }, "State")),
    h(
      "div",
      { class: "cards" },
      h(
        "section",
        { class: "card", "aria-labelledby": "export-h" },
        h("h2", { id: "export-h" }, "Export"),
        h("p", { class: "muted" }, "Every record of every account and region, and the clock, as one JSON document."),
        exportError,
        exportResult,
        h("div", { class: "form-actions" }, exportBtn),
      ),
      h("section", { class: "card", "aria-labelledby": "import-h" }, h("h2", { id: "import-h" }, "Import"), importForm),
      h(
        "section",
        { class: "card", "aria-labelledby": "reset-h" },
        h("h2", { id: "reset-h" }, "Reset"),
        h("p", { class: "muted" }, "Deletes records, everywhere or in one account, region or service. The clock keeps its time."),
        resetForm,
      ),
    ),
  );
}
