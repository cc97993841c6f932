// The request tail of one process: its gateway's ring of recent calls (gateway/request-history.ts). Event
// positions are the calls' own ids (`r-17`).
import { HISTORY_SIZE, type HistoryEntry, type RequestHistory } from "../../../gateway/request-history";
import type { RequestDetail, RequestSummary } from "../api-types";
import { accepts, type RequestFilter, type RequestTail, type TailEvent } from "./tail";
import { detail, summary } from "./view";

const event = (e: HistoryEntry): TailEvent => ({ position: e.id, summary: summary(e) });

export class MemoryTail implements RequestTail {
  readonly reach = `the last ${HISTORY_SIZE}`;

  constructor(private readonly history: RequestHistory) {}

  list(limit: number, filter: RequestFilter): RequestSummary[] {
    const keep = accepts(filter);
    const out: RequestSummary[] = [];
    // The ring stops at `limit` accepted calls: each is rendered once, as it is tested.
    this.history.newest(limit, (e) => {
      const s = summary(e);
      if (!keep(s)) return false;
      out.push(s);
      return true;
    });
    return out;
  }

  get(id: string): RequestDetail | undefined {
    const e = this.history.get(id);
    return e && detail(e);
  }

  follow(position: string | undefined, send: (events: TailEvent[]) => void): () => void {
    const last = this.history.get(position ?? "");
    if (last) send(this.history.since(last.seq).map(event));
    return this.history.subscribe((batch) => send(batch.map(event)));
  }

  close(): void {}
}
