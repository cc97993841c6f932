// Modal dialogs on the native <dialog>: it traps focus, closes on Escape and returns focus where it was.
import { h } from "./dom.js";

function modal(content: (close: (value: string | null) => void) => HTMLElement[], labelledBy: string): Promise<string | null> {
  return new Promise((resolve) => {
    const dialog = h("dialog", { class: "dialog", "aria-labelledby": labelledBy });
    const returnTo = document.activeElement as HTMLElement | null;
    let result: string | null = null;
    const close = (value: string | null) => {
      result = value;
      dialog.close();
    };
    dialog.append(...content(close));
    dialog.addEventListener("close", () => {
      dialog.remove();
      returnTo?.focus?.();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** Asks before something that cannot be undone; resolves true when confirmed. */
export async function confirmAction(title: string, message: string, action: string): Promise<boolean> {
  const r = await modal(
    (close) => [
      h("h2", { id: "confirm-h" }, title),
      h("p", null, message),
      h(
        "div",
        { class: "form-actions" },
        h("button", { type: "button", class: "btn", autofocus: true, onclick: () => close(null) }, "Cancel"),
        h("button", { type: "button", class: "btn danger", "data-testid": "confirm", onclick: () => close("yes") }, action),
      ),
    ],
    "confirm-h",
  );
  return r === "yes";
}

/** Asks for the admin token that --auth strict requires. */
export function askAdminToken(failed: boolean): Promise<string | null> {
  return modal((close) => {
    const input = h("input", { id: "admin-token", type: "password", autocomplete: "off", required: true, autofocus: true });
    const form = h(
      "form",
      { method: "dialog" },
      h("h2", { id: "token-h" }, "Admin token"),
      h(
        "p",
        null,
        failed
          ? "That token was refused. Enter the admin token this server was started with."
          : "This server runs with --auth strict: its admin routes need the admin token it was started with.",
      ),
      h("div", { class: "field" }, h("label", { for: input.id }, "Token"), input),
      h(
        "div",
        { class: "form-actions" },
        h("button", { type: "button", class: "btn", onclick: () => close(null) }, "Cancel"),
        h("button", { type: "submit", class: "btn primary" }, "Continue"),
      ),
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      close(input.value.trim() || null);
    });
    return [form];
  }, "token-h");
}
