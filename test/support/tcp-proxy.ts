// A TCP proxy in front of a server (PostgreSQL) that a test can cut and restore: an outage of the server
// for the processes that connect through it, without touching the server that others use.
import { createConnection, createServer, type Server, type Socket } from "node:net";
import { once } from "node:events";

export class TcpProxy {
  private readonly server: Server;
  private readonly pairs = new Set<[Socket, Socket]>();
  private state: "open" | "cut" | "silent" = "open";
  /** Connections closed at once while cut. */
  refused = 0;
  /** Connections taken while silent (and never answered). */
  silentConnections = 0;

  private constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {
    this.server = createServer((client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const p = new TcpProxy(target.host, target.port);
    p.server.listen(0, "127.0.0.1");
    await once(p.server, "listening");
    return p;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  /** The local ports of the connections to the server (PostgreSQL's pg_stat_activity.client_port of them). */
  upstreamPorts(): number[] {
    return [...this.pairs].map(([, up]) => up.localPort).filter((p): p is number => p !== undefined);
  }

  /** The server goes away: open connections are reset, and new ones are closed as soon as they are made. */
  cut(): void {
    this.state = "cut";
    this.dropAll();
  }

  /** The server stops answering: open connections are reset, new ones are taken and never answered. */
  silence(): void {
    this.state = "silent";
    this.dropAll();
  }

  restore(): void {
    this.state = "open";
  }

  async close(): Promise<void> {
    this.dropAll();
    for (const s of this.held) s.destroy();
    await new Promise((r) => this.server.close(r));
  }

  private readonly held = new Set<Socket>();

  private accept(client: Socket): void {
    client.on("error", () => undefined);
    if (this.state === "cut") {
      this.refused++;
      client.resetAndDestroy();
      return;
    }
    if (this.state === "silent") {
      this.silentConnections++;
      this.held.add(client);
      client.on("close", () => this.held.delete(client));
      return;
    }
    const up = createConnection({ host: this.host, port: this.targetPort });
    up.on("error", () => client.destroy());
    client.on("error", () => up.destroy());
    const pair: [Socket, Socket] = [client, up];
    this.pairs.add(pair);
    const done = () => {
      this.pairs.delete(pair);
      client.destroy();
      up.destroy();
    };
    client.on("close", done);
    up.on("close", done);
    client.pipe(up);
    up.pipe(client);
  }

  private dropAll(): void {
    for (const [client, up] of this.pairs) {
      client.resetAndDestroy();
      up.destroy();
    }
    this.pairs.clear();
  }
}
