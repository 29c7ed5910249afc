// Starts a throw-away nats-server with JetStream for tests and benchmarks: free loopback
// port, store in a temp folder removed on stop. Returns null only when the binary is
// absent, so callers can print a clear skip message.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface NatsServerHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

// Debian installs it in /usr/sbin, which is not on every user's PATH.
const EXTRA_DIRS = ['/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin'];

export function findNatsServer(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), ...EXTRA_DIRS];
  for (const dir of dirs) {
    const p = path.join(dir, 'nats-server');
    try {
      fs.accessSync(p, fs.constants.X_OK);
      return p;
    } catch {
      // keep looking
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitReady(child: ChildProcess, port: number, output: () => string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nats-server exited (${child.exitCode ?? child.signalCode}):\n${output()}`);
    }
    // The client port opens once JetStream is up, so a TCP connect means ready.
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nats-server did not accept connections on ${port} within ${timeoutMs} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startNatsServer(): Promise<NatsServerHandle | null> {
  const bin = findNatsServer();
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'domovoy-nats-'));
  // A port can be taken between probing and binding; try a few.
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn(bin, ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const collect = (b: Buffer) => {
      if (out.length < 20_000) out += b.toString();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    try {
      await waitReady(child, port, () => out, 15_000);
    } catch (err) {
      child.kill('SIGKILL');
      await exited(child);
      if (attempt < 3 && /address already in use/i.test(out)) continue;
      fs.rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    // If the test process dies without calling stop(), do not leave a server behind.
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    let stopped: Promise<void> | undefined;
    return {
      url: `nats://127.0.0.1:${port}`,
      port,
      stop() {
        stopped ??= (async () => {
          process.off('exit', killOnExit);
          const done = exited(child);
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
          await done;
          clearTimeout(timer);
          child.stdout!.destroy();
          child.stderr!.destroy();
          fs.rmSync(dir, { recursive: true, force: true });
        })();
        return stopped;
      },
    };
  }
}
