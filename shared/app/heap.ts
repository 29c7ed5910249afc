// The young generation of the heaps that move mentions. At thousands of mentions a
// second, each mention's strings live as long as its batch waits for the store (a few
// hundred ms), longer than V8's default 16 MB semi-space lasts: they survive scavenges
// and are copied twice, then promoted and swept by the old generation. Scavenging was
// ~40% of the event loop's CPU and most of the GC helper threads'. With 64 MB
// semi-spaces most of them die young instead (bench/pipeline: scavenge time of both
// heaps about halved). V8 grows the space only under such load; an idle process keeps
// the small default.
export const SEMI_SPACE_MB = 64;

/** Flags for `node` itself: the main heap's size is fixed when the process starts. */
export const NODE_HEAP_FLAGS: readonly string[] = [`--max-semi-space-size=${SEMI_SPACE_MB}`];

/** The same for a worker thread (its `resourceLimits`): V8's young generation is three semi-spaces. */
export const WORKER_YOUNG_GENERATION_MB = 3 * SEMI_SPACE_MB;

/** Whether this process was started with NODE_HEAP_FLAGS (on its command line or in NODE_OPTIONS). */
export function hasNodeHeapFlags(): boolean {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  return NODE_HEAP_FLAGS.every((f) => given.includes(f));
}
