// A source in its own process: publishes the JSON lines of a file to JetStream, each with
// its id as the de-duplication id, a window of acks in flight. Used by bench/pipeline so
// the publishing does not run on the event loop of the worker being measured.
//   node bench/nats-publish.mjs NATS_URL SUBJECT FILE.jsonl
import fs from 'node:fs';
import { connect } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';

const [url, subject, file] = process.argv.slice(2);
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const nc = await connect({ servers: url, noAsyncTraces: true });
const js = jetstream(nc);
const WINDOW = 1000;
for (let i = 0; i < lines.length; i += WINDOW) {
  await Promise.all(lines.slice(i, i + WINDOW).map((l) => js.publish(subject, l, { msgID: JSON.parse(l).id })));
}
await nc.drain();
console.log(lines.length);
