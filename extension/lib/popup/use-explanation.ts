import { useEffect, useState } from 'preact/hooks';
import type { ExplainResponse } from '../explain-messages';
import type { ClassifyResult } from '../types';
import { requestExplanation } from './request-explanation';

/** The "Why?" map of a result while it is asked for: null until asked or while it comes. */
export function useExplanation(result: ClassifyResult, open: boolean): ExplainResponse | null {
  const [answer, setAnswer] = useState<{ for: ClassifyResult; response: ExplainResponse } | null>(null);
  const current = answer?.for === result ? answer.response : null;
  useEffect(() => {
    if (!open || current) return;
    let alive = true;
    void requestExplanation(result).then((response) => alive && setAnswer({ for: result, response }));
    return () => {
      alive = false;
    };
  }, [open, result, current]);
  return open ? current : null;
}
