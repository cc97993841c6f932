// Failure on demand: rules that make matching calls fail with an AWS error, answer late, or send the
// resource they create or change to its failure state. Rules live in memory and go with a reset; when
// several processes share the store, they live in it as well (shared-faults.ts).
import { randomUUID } from "node:crypto";
import { RuleIndex } from "./rule-index";

/**
 * Bounds that keep fault rules from stalling the server itself: however many latencies a call matches, it
 * waits at most one rule's longest; rules stay few enough to list and reset, and their messages short.
 */
export const FAULT_LIMITS = { rules: 1000, latencyMs: 60_000, messageLength: 1024 } as const;

export interface FaultRule {
  service: string;
  /** An operation name, or "*" for every operation of the service. */
  operation: string;
  accountId?: string;
  region?: string;
  /** A resource name or id that the request must name (Name, ImageId, ImportTaskId, ...). */
  resource?: string;
  /** How many matching calls the rule affects; unlimited when absent. */
  times?: number;
  /** Share of matching calls affected, 0 to 1 (default 1). */
  probability?: number;
  latencyMs?: number;
  error?: { code: string; message?: string; status?: number };
  lifecycle?: { outcome: "fail"; reason?: string };
}

export interface StoredFault extends FaultRule {
  id: string;
  matched: number;
}

/** What the matching rules do to one call. */
export interface FaultEffect {
  ids: string[];
  latencyMs: number;
  error?: { code: string; message: string; status: number };
  lifecycle?: { reason?: string };
}

export class FaultRuleError extends Error {
  constructor(
    message: string,
    readonly code = "InvalidFaultRule",
  ) {
    super(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const KEYS = new Set([
  "service",
  "operation",
  "accountId",
  "region",
  "resource",
  "times",
  "probability",
  "latencyMs",
  "error",
  "lifecycle",
]);

/** Checks a rule given as JSON; throws FaultRuleError with a message that names the bad member. */
export function parseRule(v: unknown): FaultRule {
  if (!isObject(v)) throw new FaultRuleError("A fault rule must be a JSON object.");
  const unknown = Object.keys(v).find((k) => !KEYS.has(k));
  if (unknown) throw new FaultRuleError(`Unknown member ${unknown} in the fault rule.`);
  const str = (k: string, required: boolean) => {
    const x = v[k];
    if (x === undefined && !required) return undefined;
    if (typeof x !== "string" || x === "") throw new FaultRuleError(`${k} must be a non-empty string.`);
    return x;
  };
  const num = (k: string, min: number, max: number, integer: boolean) => {
    const x = v[k];
    if (x === undefined) return undefined;
    if (typeof x !== "number" || !Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) {
      throw new FaultRuleError(`${k} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}.`);
    }
    return x;
  };
  const rule: FaultRule = {
    service: str("service", true)!,
    operation: str("operation", true)!,
    accountId: str("accountId", false),
    region: str("region", false),
    resource: str("resource", false),
    times: num("times", 1, 1_000_000, true),
    probability: num("probability", 0, 1, false),
    latencyMs: num("latencyMs", 0, FAULT_LIMITS.latencyMs, true),
  };
  if (v.error !== undefined) {
    const e = v.error;
    if (!isObject(e) || typeof e.code !== "string" || !/^[A-Za-z][A-Za-z0-9.]{0,127}$/.test(e.code)) {
      throw new FaultRuleError("error must be an object with a code such as ThrottlingException.");
    }
    if (e.message !== undefined && (typeof e.message !== "string" || e.message.length > FAULT_LIMITS.messageLength)) {
      throw new FaultRuleError(`error.message must be a string of at most ${FAULT_LIMITS.messageLength} characters.`);
    }
    if (e.status !== undefined && (typeof e.status !== "number" || !Number.isInteger(e.status) || e.status < 400 || e.status > 599)) {
      throw new FaultRuleError("error.status must be an HTTP error status from 400 to 599.");
    }
    rule.error = { code: e.code, message: e.message as string | undefined, status: e.status as number | undefined };
  }
  if (v.lifecycle !== undefined) {
    const l = v.lifecycle;
    if (!isObject(l) || l.outcome !== "fail") throw new FaultRuleError('lifecycle must be {"outcome": "fail", "reason"?: string}.');
    if (l.reason !== undefined && (typeof l.reason !== "string" || l.reason.length > FAULT_LIMITS.messageLength)) {
      throw new FaultRuleError(`lifecycle.reason must be a string of at most ${FAULT_LIMITS.messageLength} characters.`);
    }
    rule.lifecycle = { outcome: "fail", reason: l.reason as string | undefined };
  }
  if (!rule.error && !rule.lifecycle && rule.latencyMs === undefined) {
    throw new FaultRuleError("A fault rule needs an error, a lifecycle outcome or a latencyMs.");
  }
  if (rule.error && rule.lifecycle) throw new FaultRuleError("A fault rule has either an error or a lifecycle outcome, not both.");
  return rule;
}

/** Default messages of the throttling codes, as the services word them. */
const DEFAULT_MESSAGES: Record<string, string> = {
  ThrottlingException: "Rate exceeded",
  RequestLimitExceeded: "Request limit exceeded.",
  RequestLimitExceededException: "Rate exceeded",
  InternalError: "An internal error has occurred",
  InternalFailure: "The request processing has failed because of an unknown error, exception or failure.",
  ServiceUnavailable: "The service is unavailable. Please try again shortly.",
};

/** Every string the request names at its top level: names, ids and lists of them. */
function namesIn(input: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  for (const v of Object.values(input)) {
    if (typeof v === "string") out.add(v);
    else if (Array.isArray(v)) for (const x of v) if (typeof x === "string") out.add(x);
  }
  return out;
}

export class Faults {
  protected readonly rules = new RuleIndex<StoredFault>();

  constructor(private readonly random: () => number = Math.random) {}

  /** Throws FaultRuleError (code TooManyFaultRules) when FAULT_LIMITS.rules are in place. */
  add(rule: FaultRule): string {
    checkRoom(this.rules.size);
    const id = randomUUID();
    this.rules.add({ ...rule, id, matched: 0 });
    return id;
  }

  list(): StoredFault[] {
    return this.rules.all().map((r) => ({ ...r }));
  }

  remove(id: string): boolean {
    return this.rules.remove(id);
  }

  clear(): void {
    this.rules.clear();
  }

  get size(): number {
    return this.rules.size;
  }

  /** The effect of the rules on one call; spends one use of each rule that applies. */
  match(
    service: string,
    operation: string,
    accountId: string,
    region: string,
    input: Record<string, unknown> | undefined,
  ): FaultEffect | undefined {
    const applying = this.applicable(service, operation, accountId, region, input);
    for (const r of applying) r.matched++;
    return effectOf(applying);
  }

  /** The rules that apply to the call, in the order added: those it matches that have uses left, chance permitting. */
  protected applicable(
    service: string,
    operation: string,
    accountId: string,
    region: string,
    input: Record<string, unknown> | undefined,
  ): StoredFault[] {
    const out: StoredFault[] = [];
    let names: Set<string> | undefined;
    for (const r of this.rules.candidates(service, operation)) {
      if ((r.accountId && r.accountId !== accountId) || (r.region && r.region !== region)) continue;
      if (r.resource) {
        names ??= input ? namesIn(input) : new Set();
        if (!names.has(r.resource)) continue;
      }
      if (r.times !== undefined && r.matched >= r.times) continue;
      if (r.probability !== undefined && this.random() >= r.probability) continue;
      out.push(r);
    }
    return out;
  }
}

/** Refuses one more rule when FAULT_LIMITS.rules are in place. */
export function checkRoom(size: number): void {
  if (size >= FAULT_LIMITS.rules) {
    throw new FaultRuleError(
      `There are already ${FAULT_LIMITS.rules} fault rules, the most imagelite keeps; remove some first.`,
      "TooManyFaultRules",
    );
  }
}

/** What the rules that apply do together: every latency (bounded), the first error, the first lifecycle outcome. */
export function effectOf(rules: StoredFault[]): FaultEffect | undefined {
  let effect: FaultEffect | undefined;
  for (const r of rules) {
    effect ??= { ids: [], latencyMs: 0 };
    effect.ids.push(r.id);
    effect.latencyMs = Math.min(effect.latencyMs + (r.latencyMs ?? 0), FAULT_LIMITS.latencyMs);
    if (r.error && !effect.error) {
      effect.error = {
        code: r.error.code,
        message: r.error.message ?? DEFAULT_MESSAGES[r.error.code] ?? `Injected fault ${r.error.code}`,
        status: r.error.status ?? 400,
      };
    }
    if (r.lifecycle && !effect.lifecycle) effect.lifecycle = { reason: r.lifecycle.reason };
  }
  return effect;
}
