// CPU time per thread of this process, from /proc (Linux). Lets a benchmark say where
// the time went: the event loop, the analysis threads, or the storage engine's threads.
import fs from 'node:fs';

export type ThreadTimes = Map<string, { name: string; ms: number }>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU ms (user + system) by thread id, with the thread's name; empty where /proc is absent. */
export function threadTimes(): ThreadTimes {
  const out: ThreadTimes = new Map();
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // fields after the "(comm)" part: state is 3rd, utime 14th, stime 15th
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
      out.set(tid, { name, ms: (Number(rest[11]) + Number(rest[12])) * TICK_MS });
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return out;
}

/**
 * CPU ms spent between two snapshots, grouped: the main thread (tid = pid), the rest by
 * name (worker threads, libuv pool, the engine's pools), largest first.
 */
export function cpuByGroup(before: ThreadTimes, after: ThreadTimes): [string, number][] {
  const spent = [...after].map(([tid, t]) => ({ tid, name: t.name, ms: t.ms - (before.get(tid)?.ms ?? 0) })).filter((t) => t.ms > 0);
  const main = String(process.pid);
  // Worker threads and V8's helper threads (GC, compiler) are all named "node": the busiest
  // of them is shown apart, which under load is the analysis thread.
  const others = spent.filter((t) => t.name === 'node' && t.tid !== main);
  const busiest = others.reduce<(typeof spent)[number] | undefined>((b, t) => (!b || t.ms > b.ms ? t : b), undefined);
  const groups = new Map<string, number>();
  for (const t of spent) {
    const key = t.tid === main ? 'main (event loop)' : t === busiest ? 'busiest node thread' : t.name === 'node' ? 'other node threads' : t.name;
    groups.set(key, (groups.get(key) ?? 0) + t.ms);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}
