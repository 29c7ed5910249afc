// The web process: one HTTP server carrying the SvelteKit app (adapter-node's
// build/handler.js) and Socket.IO on the same port, plus the live relay from the
// bus to browsers.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';
import { Server as IOServer } from 'socket.io';
import type { AppContext, Service } from '../shared/app/context.js';
import {
  JOINABLE_ROOM,
  ROOMS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../shared/types/live-events.js';
import { setApp } from './lib/server/context.js';
import { startRelay } from './lib/server/relay.js';
import { LIVE_ROUTES } from './lib/server/live-routes.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLER_PATH = path.join(PROJECT_ROOT, 'build', 'handler.js');

export type LiveServer = IOServer<ClientToServerEvents, ServerToClientEvents>;
export type WebService = Service & { port: number; io: LiveServer };

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => void;

const MAX_ROOMS_PER_SOCKET = 20;

export async function startWeb(ctx: AppContext, opts: { port?: number; host?: string } = {}): Promise<WebService> {
  const log = ctx.log.child('web');
  // before the handler is imported: SvelteKit server code reads it through getApp()
  setApp(ctx);
  const handler = await loadHandler();

  const started = Date.now();
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz' || req.url?.startsWith('/healthz?')) {
      void healthz(ctx, started, res);
      return;
    }
    // Open311 is a server-to-server API authenticated by api_key, with no cookies;
    // its standard form-encoded POSTs carry no Origin, which SvelteKit's form CSRF
    // check would refuse. The original type is kept for the Open311 handler.
    if (req.method === 'POST' && req.url?.startsWith('/open311/') && req.headers['content-type']) {
      req.headers['x-original-content-type'] = req.headers['content-type'];
      req.headers['content-type'] = 'application/octet-stream';
    }
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });

  const io: LiveServer = new IOServer(server, { serveClient: false });
  io.on('connection', (socket) => {
    void socket.join(ROOMS.all);
    socket.on('rooms.join', (rooms) => {
      if (!Array.isArray(rooms)) return;
      const ok = rooms.filter((r) => typeof r === 'string' && JOINABLE_ROOM.test(r));
      if (socket.rooms.size + ok.length > MAX_ROOMS_PER_SOCKET + 2) return;
      void socket.join(ok);
    });
    socket.on('rooms.leave', (rooms) => {
      if (!Array.isArray(rooms)) return;
      for (const r of rooms) if (typeof r === 'string' && JOINABLE_ROOM.test(r)) void socket.leave(r);
    });
  });

  const relay = startRelay({
    bus: ctx.bus,
    log,
    routes: LIVE_ROUTES,
    emit: (rooms, event, payload) => io.to(rooms).emit(event, payload as never),
  });

  const port = opts.port ?? ctx.config.PORT;
  const host = opts.host ?? ctx.config.HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  log.info('web listening', { url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actualPort}` });

  let stopped: Promise<void> | undefined;
  return {
    name: 'web',
    port: actualPort,
    io,
    stop: () => (stopped ??= stop()),
  };

  async function stop() {
    relay.stop();
    io.disconnectSockets(true);
    // io.close() also closes the HTTP server; idle keep-alive sockets would hold it open
    const closed = new Promise<void>((resolve) => io.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 3_000);
    await closed;
    clearTimeout(force);
    setApp(undefined);
    log.info('web stopped');
  }
}

async function loadHandler(): Promise<NodeHandler> {
  if (!fs.existsSync(HANDLER_PATH)) {
    throw new Error(`The web app is not built: ${path.relative(process.cwd(), HANDLER_PATH) || HANDLER_PATH} is missing. Run \`npm run build\` first.`);
  }
  const mod = (await import(pathToFileURL(HANDLER_PATH).href)) as { handler: NodeHandler };
  return mod.handler;
}

async function healthz(ctx: AppContext, started: number, res: http.ServerResponse) {
  let storeOk = true;
  try {
    await withTimeout(ctx.store.query('SELECT 1 AS ok'), 5_000);
  } catch {
    storeOk = false;
  }
  const body = JSON.stringify({
    ok: storeOk,
    bus: ctx.bus.kind,
    store: ctx.store.kind,
    storeOk,
    uptimeS: Math.round((Date.now() - started) / 1000),
  });
  res.writeHead(storeOk ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(body);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e) => (clearTimeout(t), reject(e)),
    );
  });
}
