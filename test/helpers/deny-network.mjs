// Preloaded with `node --import` into the CLI under test: every way Node has of reaching the network
// fails loudly, and each attempt is appended to the file named by LEDELSESTJEK_NETLOG.
import { appendFileSync } from "node:fs";
import dgram from "node:dgram";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

const log = process.env.LEDELSESTJEK_NETLOG;
const deny = (what) =>
  function denied() {
    if (log) appendFileSync(log, `${what}\n`);
    throw new Error(`network access denied in test: ${what}`);
  };

net.Socket.prototype.connect = deny("net.Socket.connect");
net.connect = net.createConnection = deny("net.connect");
tls.connect = deny("tls.connect");
http.request = http.get = deny("http.request");
https.request = https.get = deny("https.request");
dgram.Socket.prototype.send = deny("dgram.send");
for (const name of ["lookup", "resolve", "resolve4", "resolve6", "resolveAny", "reverse"]) {
  dns[name] = deny(`dns.${name}`);
  dns.promises[name] = deny(`dns.promises.${name}`);
}
globalThis.fetch = deny("fetch");
globalThis.WebSocket = deny("WebSocket");
