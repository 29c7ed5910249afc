// Poisson upper tail in log space: how improbable is seeing `k` or more events
// when `mu` are expected. Log space because bursts reach 1e-30 and beyond.

const LOG_FACT: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACT.length; i <= n; i++) LOG_FACT[i] = LOG_FACT[i - 1] + Math.log(i);
  return LOG_FACT[n];
}

/** ln P(X ≥ k) for X ~ Poisson(mu). */
export function logPoissonTail(k: number, mu: number): number {
  if (k <= 0) return 0;
  if (mu <= 0) return -Infinity;
  // Sum terms from k upward; they shrink geometrically once i > mu.
  const logMu = Math.log(mu);
  let logTerm = -mu + k * logMu - logFactorial(k);
  let acc = logTerm;
  for (let i = k + 1; i < k + 500; i++) {
    logTerm += logMu - Math.log(i);
    const next = logAdd(acc, logTerm);
    if (next - acc < 1e-12 && i > mu) break;
    acc = next;
  }
  return Math.min(0, acc);
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** P(X ≥ k) as a plain number (underflows to 0 for extreme bursts). */
export function poissonTail(k: number, mu: number): number {
  return Math.exp(logPoissonTail(k, mu));
}
