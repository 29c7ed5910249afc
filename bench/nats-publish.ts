// A source in its own process: publishes the JSON lines of a file through the project's
// NATS bus, as the `sources` role does, each with its id as the de-duplication id and a
// window of acknowledgements in flight. Used by bench/pipeline so the publishing does not
// run on the event loop of the worker being measured.
//   node --import tsx bench/nats-publish.ts NATS_URL SUBJECT FILE.jsonl
import fs from 'node:fs';
import { JsonText } from '../shared/bus/bus.js';
import { createNatsBus } from '../shared/bus/nats-bus.js';

const [url, subject, file] = process.argv.slice(2);
if (!url || !subject || !file) throw new Error('usage: nats-publish.ts NATS_URL SUBJECT FILE.jsonl');
const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
const bus = await createNatsBus({ url, name: 'bench-source' });
const WINDOW = 1000;
for (let i = 0; i < lines.length; i += WINDOW) {
  await Promise.all(lines.slice(i, i + WINDOW).map((l) => bus.publish(subject, new JsonText(l), { msgId: (JSON.parse(l) as { id: string }).id })));
}
await bus.close();
console.log(lines.length);
