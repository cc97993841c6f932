// Which fleet serves a stack (AssociateFleet, DisassociateFleet, ListAssociatedFleets, ListAssociatedStacks).
// A stack streams from one fleet ("Create a stack": choose the fleet to associate); a fleet may serve several
// stacks. Disassociating is refused by AWS while users stream from the fleet through the stack; streaming
// sessions never start here (see streaming/handlers.ts), so it is always accepted once the association exists.
import type { AppStreamHandlers } from "../api.generated";
import * as err from "../errors";
import { getFleet } from "../fleets/handlers";
import { collectionPage } from "../paging";
import { fleetsOfStack, stacks, stacksOfFleetIndex } from "./records";

const PAGE = 25;

export const fleetAssociationHandlers: Pick<
  AppStreamHandlers,
  "AssociateFleet" | "DisassociateFleet" | "ListAssociatedFleets" | "ListAssociatedStacks"
> = {
  AssociateFleet(ctx, { FleetName, StackName }) {
    if (!getFleet(ctx, FleetName)) throw err.notFound(`Fleet ${FleetName} does not exist.`);
    if (!stacks.get(ctx, StackName)) throw err.notFound(`Stack ${StackName} does not exist.`);
    const current = fleetsOfStack.first(ctx, { within: [StackName] });
    if (current?.fleet === FleetName) return {};
    if (current) {
      throw err.limitExceeded(
        `Stack ${StackName} is already associated with fleet ${current.fleet}. A stack can be associated with one fleet.`,
      );
    }
    const rec = { stack: StackName, fleet: FleetName };
    fleetsOfStack.put(ctx, rec);
    stacksOfFleetIndex.put(ctx, rec);
    return {};
  },

  DisassociateFleet(ctx, { FleetName, StackName }) {
    if (!getFleet(ctx, FleetName)) throw err.notFound(`Fleet ${FleetName} does not exist.`);
    if (!stacks.get(ctx, StackName)) throw err.notFound(`Stack ${StackName} does not exist.`);
    if (!fleetsOfStack.get(ctx, [StackName, FleetName])) {
      throw err.notFound(`Fleet ${FleetName} is not associated with stack ${StackName}.`);
    }
    fleetsOfStack.delete(ctx, [StackName, FleetName]);
    stacksOfFleetIndex.delete(ctx, [FleetName, StackName]);
    return {};
  },

  // Neither list names an error in the API reference: an unknown stack or fleet has no associations.
  ListAssociatedFleets(ctx, { StackName, NextToken }) {
    const page = collectionPage(fleetsOfStack, ctx, { within: [StackName], limit: PAGE }, `ListAssociatedFleets ${StackName}`, NextToken);
    return { Names: page.items.map((r) => r.fleet), NextToken: page.nextToken };
  },

  ListAssociatedStacks(ctx, { FleetName, NextToken }) {
    const page = collectionPage(
      stacksOfFleetIndex,
      ctx,
      { within: [FleetName], limit: PAGE },
      `ListAssociatedStacks ${FleetName}`,
      NextToken,
    );
    return { Names: page.items.map((r) => r.stack), NextToken: page.nextToken };
  },
};
