// The web server on its own (no browser): Socket.IO on the same port as the app,
// rooms, and a stop() that returns while clients are still connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { ensureBuild } from '../tests/helpers/ensure-build.js';
import { startWebHarness, type WebHarness } from '../tests/helpers/web-harness.js';
import { processedMention } from '../tests/helpers/mention-factory.js';
import type { ClientToServerEvents, FeedItem, ServerToClientEvents } from '../shared/types/live-events.js';
import { SUBJECTS } from '../shared/types/subjects.js';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let h: WebHarness;
const clients: Client[] = [];

async function client(): Promise<Client> {
  const c: Client = connect(h.url, { transports: ['websocket'], reconnection: false });
  clients.push(c);
  await new Promise<void>((resolve, reject) => {
    c.once('connect', () => resolve());
    c.once('connect_error', reject);
  });
  return c;
}

function nextBatch(c: Client): Promise<FeedItem[]> {
  return new Promise((resolve) => c.once('mentions', resolve));
}

beforeAll(async () => {
  ensureBuild();
  h = await startWebHarness();
}, 300_000);

afterAll(async () => {
  for (const c of clients) c.disconnect();
  await h?.stop();
});

describe('web server', () => {
  it('serves the app and Socket.IO on one port, batching bus messages into events', async () => {
    const page = await fetch(h.url + '/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Лента сообщений');

    const c = await client();
    const got = nextBatch(c);
    for (let i = 0; i < 5; i++) await h.bus.publish(SUBJECTS.processed, processedMention({ id: `vk:b${i}` }));
    const batch = await got;
    expect(batch.map((i) => i.id)).toEqual(['vk:b0', 'vk:b1', 'vk:b2', 'vk:b3', 'vk:b4']);
  });

  it('delivers an item once to a socket that also joined its organisation room', async () => {
    const c = await client();
    c.emit('rooms.join', ['org:42', 'secret-internal-room']);
    await new Promise((r) => setTimeout(r, 100));
    const seen: string[] = [];
    c.on('mentions', (items) => seen.push(...items.map((i) => i.id)));
    await h.bus.publish(SUBJECTS.processed, processedMention({ id: 'vk:org42', organisation: { id: '42', name: 'УК 42' } }));
    await h.bus.publish(SUBJECTS.processed, processedMention({ id: 'vk:other', organisation: { id: '7', name: 'УК 7' } }));
    await new Promise((r) => setTimeout(r, 600));
    expect(seen.sort()).toEqual(['vk:org42', 'vk:other']);
  });

  it('stops promptly with clients connected, and the port closes', async () => {
    await client();
    const t0 = Date.now();
    await h.web.stop();
    expect(Date.now() - t0).toBeLessThan(2_500);
    await expect(fetch(h.url + '/healthz')).rejects.toThrow();
    // a second stop is harmless
    await h.web.stop();
  });
});
