// The trimmed models and the handler tables must agree exactly: an operation in a model without a
// handler would answer UnknownOperation, a handler without a model entry could never be reached.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadModel } from "../src/model/model";
import { checkService, type ServiceDefinition } from "../src/gateway/service";
import { appstream } from "../src/services/appstream";
import { sts } from "../src/services/sts";
import { ec2 } from "../src/services/ec2";
import { collection } from "../src/state/collection";
import { schema } from "../src/state/record-schema";

const services: ServiceDefinition[] = [appstream, ec2, sts];

describe("models match handlers", () => {
  for (const def of services) {
    it(`${def.name}: checkService accepts it`, () => {
      assert.doesNotThrow(() => checkService(def));
    });

    it(`${def.name}: every model operation has a handler, and every handler an operation`, () => {
      const ops = [...def.model.operations.keys()].sort();
      const handlers = Object.keys(def.handlers).sort();
      assert.deepEqual(
        ops.filter((op) => typeof def.handlers[op] !== "function"),
        [],
        "operations without a handler",
      );
      assert.deepEqual(
        handlers.filter((h) => !def.model.operations.has(h)),
        [],
        "handlers without an operation",
      );
      assert.deepEqual(ops, handlers);
      assert.ok(ops.length > 0);
    });

    it(`${def.name}: the service uses the model file of its name`, () => {
      assert.equal(def.model, loadModel(def.name));
    });
  }
});

describe("model patterns", () => {
  for (const name of ["appstream", "sts", "ec2"]) {
    it(`${name}: every pattern compiles to a RegExp kept on the shape`, () => {
      const model = loadModel(name);
      const broken: string[] = [];
      let patterns = 0;
      for (const shape of model.shapes.values()) {
        if (shape.pattern === undefined) {
          assert.equal(shape.patternRegex, undefined, `${shape.name} has a regex but no pattern`);
          continue;
        }
        patterns++;
        if (!(shape.patternRegex instanceof RegExp)) broken.push(`${shape.name}: ${shape.pattern}`);
      }
      assert.deepEqual(broken, []);
      if (name === "appstream") assert.ok(patterns > 0, "appstream has patterns to check");
    });
  }

  it("a compiled pattern accepts and refuses as the model means", () => {
    // AppStream names: a letter or digit first, then letters, digits, dots, dashes and underscores.
    const shape = [...loadModel("appstream").shapes.values()].find((s) => s.pattern === "^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$");
    assert.ok(shape?.patternRegex);
    assert.ok(shape.patternRegex.test("my-fleet_1.0"));
    assert.ok(!shape.patternRegex.test("-leading-dash"));
    assert.ok(!shape.patternRegex.test("has space"));
  });
});

describe("checkService", () => {
  const handlersOf = (def: ServiceDefinition) => ({ ...def.handlers });

  it("throws for a definition with a missing handler, naming it", () => {
    const handlers = handlersOf(appstream);
    delete handlers.CreateFleet;
    assert.throws(() => checkService({ ...appstream, handlers }), /no handler: CreateFleet; not in model: -/);
  });

  it("throws for a handler that is not a function", () => {
    const handlers = { ...handlersOf(sts), GetCallerIdentity: "nope" as unknown as ServiceDefinition["handlers"][string] };
    assert.throws(() => checkService({ ...sts, handlers }), /no handler: GetCallerIdentity/);
  });

  it("throws for a definition with an extra handler, naming it", () => {
    const handlers = { ...handlersOf(sts), MakeCoffee: () => ({}) };
    assert.throws(() => checkService({ ...sts, handlers }), /no handler: -; not in model: MakeCoffee/);
  });

  it("names both when a handler is missing and another is extra", () => {
    const handlers = { ...handlersOf(sts), Extra: () => ({}) };
    delete (handlers as Record<string, unknown>).GetCallerIdentity;
    assert.throws(
      () => checkService({ ...sts, handlers }),
      (e: Error) =>
        e.message.startsWith("sts:") && e.message.includes("no handler: GetCallerIdentity") && e.message.includes("not in model: Extra"),
    );
  });

  it("throws for a collection whose records a state import could not check, or one listed twice", () => {
    const bare = collection<object>({ type: "sts.bare" });
    assert.throws(() => checkService({ ...sts, collections: [bare] }), /collections without a schema: sts\.bare; listed twice: -/);
    const kept = collection<{ a: string }>({ type: "sts.kept", schema: schema({ a: "string" }) });
    assert.throws(() => checkService({ ...sts, collections: [kept, kept] }), /without a schema: -; listed twice: sts\.kept/);
    assert.doesNotThrow(() => checkService({ ...sts, collections: [kept] }));
  });
});
