/** Figures for benchmarks: medians over several runs, printed one per line. */

/** Times `fn` over `runs` runs after `warmup` unmeasured ones; milliseconds. */
export function timeRuns(fn: () => void, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times;
}

/** `<name>: <median> <unit> (min <x>, max <y>, n=<runs>)`. */
export function figure(name: string, values: number[], unit: string, digits = 2): string {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const f = (v: number) => v.toFixed(digits);
  return `${name}: ${f(median)} ${unit} (min ${f(sorted[0]!)}, max ${f(sorted.at(-1)!)}, n=${values.length})`;
}
