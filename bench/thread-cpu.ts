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
  const groups = new Map<string, number>();
  // Worker threads and V8's helper threads (GC, compiler) are all named "node": the busiest
  // of them is shown apart, which under load is the analysis thread.
  let busiest = { tid: '', ms: 0 };
  for (const [tid, t] of after) {
    const spent = t.ms - (before.get(tid)?.ms ?? 0);
    if (t.name === 'node' && tid !== String(process.pid) && spent > busiest.ms) busiest = { tid, ms: spent };
  }
  for (const [tid, t] of after) {
    const spent = t.ms - (before.get(tid)?.ms ?? 0);
    if (spent <= 0) continue;
    const key =
      tid === String(process.pid) ? 'main (event loop)' : tid === busiest.tid ? 'busiest node thread' : t.name === 'node' ? 'other node threads' : t.name;
    groups.set(key, (groups.get(key) ?? 0) + spent);
  }
  return [...groups].sort((a, b) => b[1] - a[1]);
}
