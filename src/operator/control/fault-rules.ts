// Checking a fault rule given as JSON against the services this server has: the admin routes and the
// in-process API (startImagelite().faults.add) add rules through it alike.
import { FaultRuleError, parseRule, type FaultRule } from "../faults/faults";
import type { App } from "../../runtime/app-types";

/** A rule as JSON → a rule for a service and operation (a model's, or one of the service's internal ones); throws FaultRuleError. */
export function checkedRule(app: App, body: unknown): FaultRule {
  const rule = parseRule(body);
  const def = app.services.find((s) => s.name === rule.service);
  if (!def) throw new FaultRuleError(`Unknown service ${rule.service}; one of ${app.services.map((s) => s.name).join(", ")}.`);
  if (rule.operation !== "*" && !def.model.operations.has(rule.operation) && !def.internal?.[rule.operation]) {
    throw new FaultRuleError(`${rule.service} has no operation ${rule.operation}.`);
  }
  return rule;
}
