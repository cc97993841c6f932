// How a service shows one kind of its resources in the dashboard (admin/resource-routes.ts): where the records
// are, what to list of each, and the resource as the service's API returns it to its owner. Each service
// declares its views beside its definition (services/<service>/dashboard-views.ts); a kind added later needs
// only its view.
import type { RequestContext } from "../../gateway/context";
import type { Collection } from "../../state/collection";
import type { Schedule } from "../../state/lifecycle";
import type { Link, Share } from "./api-types";

export type { Link, Share };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ResourceView<T = any> {
  /**
   * The records, in their owners' partitions; the kind is its store type (`ec2.image`). Lists read it in id
   * order, in pages, and show only what it holds live.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  collection: Collection<T, any, any>;
  /** The tab's title: "AMIs". */
  label: string;
  /** A name shown beside the id, and searched with it. */
  name?(r: T): string | undefined;
  /** The state at the context's time. */
  state?(ctx: RequestContext, r: T): string | undefined;
  /** When it was made, epoch milliseconds. */
  created?(r: T): number | undefined;
  /** The resource as its owner's describe call returns it (ctx: the owner, in its region, at the clock's time). */
  render(ctx: RequestContext, r: T): unknown;
  /** Its lifecycle: past and scheduled states (state/lifecycle.ts). */
  schedule?(r: T): Schedule | undefined;
  /** Who else may use it. */
  sharing?(ctx: RequestContext, r: T): Share[];
  /** What it comes from and what uses it: the nodes of the picture its page draws. */
  links?(ctx: RequestContext, r: T): Link[];
}

/** A view, typed by its collection's records. */
export const view = <T>(v: ResourceView<T>): ResourceView<T> => v;
