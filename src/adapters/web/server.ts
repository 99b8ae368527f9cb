import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

export type Listening = { port: number; close: (drain: () => Promise<void>) => Promise<void> };

/** Starts the node server for a hono app; resolves once it listens. No request logging: nothing about a visitor is kept. */
export function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, (info: AddressInfo) => {
      resolve({
        port: info.port,
        close: async (drain) => {
          const http = server as Server;
          const closed = new Promise<void>((done) => http.close(() => done()));
          http.closeIdleConnections();
          // Requests under way finish their writes before the process may end.
          await drain();
          http.closeAllConnections();
          await closed;
        },
      });
    }) as Server;
    server.once("error", reject);
  });
}
