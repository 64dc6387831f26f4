import { formatShape, type LayerSummary, type ParamCounts } from '../../models/model-summary.js';
import { escapeHtml } from './escape-html.js';
import { integer } from './format.js';

/** The model's layers as Keras' model.summary() lists them: layer (type), output shape, parameters, then the totals. */
export function renderArchitectureTable(rows: readonly LayerSummary[], params: ParamCounts): string {
  const body = rows
    .map((r) => `<tr><td><code>${escapeHtml(r.name)}</code> (${escapeHtml(r.type)})</td><td><code>${escapeHtml(formatShape(r.outputShape))}</code></td><td class="num">${integer(r.params)}</td></tr>`)
    .join('\n');
  return `<table class="architecture">
<thead><tr><th>Layer (type)</th><th>Output shape</th><th class="num">Param #</th></tr></thead>
<tbody>
${body}
</tbody>
<tfoot>
<tr><td colspan="2">Total params</td><td class="num">${integer(params.total)}</td></tr>
<tr><td colspan="2">Trainable params</td><td class="num">${integer(params.trainable)}</td></tr>
<tr><td colspan="2">Non-trainable params (the baked-in standardization)</td><td class="num">${integer(params.nonTrainable)}</td></tr>
</tfoot>
</table>`;
}
