import { Writable } from "node:stream";

/** A writable that keeps what is written, standing in for process.stdout. */
export function captureStream() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8"), bytes: () => Buffer.concat(chunks) };
}
