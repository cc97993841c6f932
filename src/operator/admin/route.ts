// One admin route: its method, the pattern of its path, and what answers it (the routes: admin/router.ts).
import type { RawRequest, RawResponse } from "../../protocols/protocol";
import type { App } from "../../runtime/app-types";

export interface Route {
  method: string;
  pattern: RegExp;
  /** A promise when the answer needs other processes (a route of --workers that asks every worker). */
  handle(app: App, req: RawRequest, match: RegExpExecArray): RawResponse | Promise<RawResponse>;
}
