import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReportMetrics } from '../../../../pipeline/report/metrics-json-schema.js';

const committed = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', '..', 'artifacts', 'report', 'metrics.json'), 'utf8'));

describe("metrics.json's schema", () => {
  it('accepts the committed report/metrics.json, as it is', () => {
    const metrics = committed();
    expect(parseReportMetrics(metrics)).toBe(metrics);
  });

  it('names every problem with its JSON path', () => {
    const metrics = committed();
    metrics.models[0].roundTrip.originalAccuracy = 1.5;
    delete metrics.models[0].params.trainable;
    metrics.comparisons[0].surprise = true;
    expect(() => parseReportMetrics(metrics)).toThrow(
      /models\[0\]\.roundTrip\.originalAccuracy must be a number between 0 and 1 \(got 1\.5\).*models\[0\]\.params\.trainable is missing.*comparisons\[0\]\.surprise is not a known field/,
    );
  });
});
