/** Two independent standard normal draws from two uniforms (Box-Muller), written into `out`. */
export function normalPair(random: () => number, out: [number, number]): void {
  const u = 1 - random(); // (0, 1]: log(u) is finite
  const v = random();
  const r = Math.sqrt(-2 * Math.log(u));
  out[0] = r * Math.cos(2 * Math.PI * v);
  out[1] = r * Math.sin(2 * Math.PI * v);
}
