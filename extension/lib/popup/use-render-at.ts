import { useEffect, useState } from 'preact/hooks';

/** Renders the component again at `time` (epoch ms), if given and still ahead: for what changes with the clock. */
export function useRenderAt(time: number | undefined): void {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (time === undefined) return;
    const timer = setTimeout(() => setTick((tick) => tick + 1), Math.max(0, time - Date.now()));
    return () => clearTimeout(timer);
  }, [time]);
}
