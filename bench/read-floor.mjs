// The read floor for npm run bench: read the file's bytes and count its lines, in Node, nothing else.
import { createReadStream } from "node:fs";
let lines = 0;
for await (const chunk of createReadStream(process.argv[2], { highWaterMark: 1 << 20 })) {
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines++;
}
console.log(lines);
