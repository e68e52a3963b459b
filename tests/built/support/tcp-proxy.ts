// A TCP proxy the test controls, put between a server and its database: "up" forwards, "hung" keeps every
// connection open but passes nothing (a database that stopped answering), "down" refuses connections and
// cuts the open ones (a database that went away). Back to "up", held bytes flow again.
import { createServer, connect, type Server, type Socket } from "node:net";

export type ProxyState = "up" | "hung" | "down";

export interface TcpProxy {
  port: number;
  set(state: ProxyState): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }, port = 0): Promise<TcpProxy> {
  const pairs = new Set<[Socket, Socket]>();
  let state: ProxyState = "up";
  let server: Server | undefined;

  const accept = (client: Socket) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      pairs.delete(pair);
    };
    client.on("error", drop).on("close", drop);
    upstream.on("error", drop).on("close", drop);
    if (state === "up") flow(pair);
  };
  // Held bytes stay in the sockets' buffers while paused and flow on once piped again.
  const flow = ([a, b]: [Socket, Socket]) => {
    a.pipe(b);
    b.pipe(a);
  };
  const pause = ([a, b]: [Socket, Socket]) => {
    a.unpipe(b);
    b.unpipe(a);
    a.pause();
    b.pause();
  };
  const listen = (at: number) =>
    new Promise<number>((resolve, reject) => {
      server = createServer(accept);
      server.once("error", reject);
      server.listen(at, "127.0.0.1", () => resolve((server!.address() as { port: number }).port));
    });
  const stopListening = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

  const bound = await listen(port);
  const set = async (next: ProxyState): Promise<void> => {
    if (next === state) return;
    if (next === "down") {
      const closing = stopListening();
      for (const [a, b] of pairs) {
        a.destroy();
        b.destroy();
      }
      pairs.clear();
      await closing;
      server = undefined;
    } else if (state === "down") {
      await listen(bound);
    }
    if (next === "hung") for (const pair of pairs) pause(pair);
    if (next === "up") for (const pair of pairs) flow(pair);
    state = next;
  };
  return { port: bound, set, close: () => set("down") };
}
