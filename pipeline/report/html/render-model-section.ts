import { predictionModeName } from '../model-label.js';
import { recipeOf } from '../output-comparison.js';
import { modelChartNames } from '../report-charts.js';
import type { ModelReport } from '../report-types.js';
import { escapeHtml } from './escape-html.js';
import { integer, percent } from './format.js';
import { renderArchitectureTable } from './render-architecture-table.js';
import { renderChart, type RenderedChart } from './render-chart.js';
import { renderGallery } from './render-gallery.js';
import { renderWeightsTable } from './render-weights-table.js';

/** How the model was trained, in one definition list. */
function renderTrainingFacts(m: ModelReport): string {
  const t = m.metadata.training;
  if (!t) return renderSourceFacts(m);
  const { name, ...settings } = t.optimizer;
  const optimizer = `${name} (${Object.entries(settings).map(([k, v]) => `${k} ${v}`).join(', ')})`;
  const facts: [string, string][] = [
    ['Folder', m.folder],
    ['Recipe', `${recipeOf(m.metadata)}${t.augmentation ? `, augmented (${Object.entries(t.augmentation).map(([k, v]) => `${k} ${v}`).join(', ')})` : ', no augmentation'}`],
    ['Prediction', `${predictionModeName(m.metadata)}: ${m.metadata.prediction.why}`],
    ['Epochs, batch', `${t.epochs}, ${t.batchSize}`],
    ['Optimizer', optimizer],
    ['Seed', String(t.seed)],
    ['Backend', `${t.backend}${t.tensorflowVersion ? ` (TensorFlow ${t.tensorflowVersion})` : ''}`],
    ['Training steps', t.engine === 'graph' ? `one TensorFlow graph per step, ${t.precision === 'bf16' ? 'bfloat16 compute with float32 weights and loss' : 'float32'}` : 'tfjs eager ops, float32'],
    ['Training time', `${t.seconds.toFixed(1)} s, ${integer(t.samplesPerSecond)} samples/s`],
    ['Test accuracy, loss', `${percent(m.metadata.metrics.testAccuracy)}, ${m.metadata.metrics.testLoss.toFixed(4)} (float32 as trained, ${predictionModeName(m.metadata)})`],
    ['Exported', `${m.metadata.createdAt} from commit ${m.metadata.gitCommit}`],
  ];
  if (t.notes) facts.push(['Notes', t.notes]);
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

/** Where a model converted from Keras came from, in one definition list. */
function renderSourceFacts(m: ModelReport): string {
  const s = m.metadata.source!;
  const facts: [string, string][] = [
    ['Folder', m.folder],
    ['Converted from', `${s.file} (${s.format === 'keras' ? '.keras zip' : 'legacy HDF5'}, Keras ${s.kerasVersion}, SHA-256 ${s.sha256})`],
    ['Input convention', s.input],
    ['Prediction', `${predictionModeName(m.metadata)}: ${m.metadata.prediction.why}`],
    ['Test accuracy, loss', `${percent(m.metadata.metrics.testAccuracy)}, ${m.metadata.metrics.testLoss.toFixed(4)} (float32 as converted, ${predictionModeName(m.metadata)})`],
    ['Exported', `${m.metadata.createdAt} from commit ${m.metadata.gitCommit}`],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

/**
 * One model's part of the report: how it was trained, its architecture, training curves,
 * confusion matrix, per-class accuracy, weight variants, the first 10 test images with their
 * top-3, and its most confident mistakes.
 */
export function renderModelSection(m: ModelReport, charts: ReadonlyMap<string, RenderedChart>): string {
  const id = m.metadata.id;
  const names = modelChartNames(id);
  const count = m.roundTrip.count.toLocaleString('en-US');
  const mode = m.metadata.prediction.mirrorAverage ? ', each image averaged with its mirror as the model is meant to be run' : ', each image alone as the model is meant to be run';
  return `<section class="model" id="model-${escapeHtml(id)}">
<h2>${escapeHtml(m.metadata.displayName)} <small>(${escapeHtml(id)})</small></h2>
${renderTrainingFacts(m)}
<h3>Architecture</h3>
${renderArchitectureTable(m.architecture, m.params)}
${m.metadata.training ? `<h3>Training curves</h3>
${renderChart(names.trainingCurves, charts)}` : ''}
<div class="pair">
<div><h3>Confusion matrix</h3>
${renderChart(names.confusionMatrix, charts)}</div>
<div><h3>Accuracy per class</h3>
${renderChart(names.perClassAccuracy, charts)}</div>
</div>
<h3>Weights</h3>
${renderWeightsTable(m)}
<h3>The first 10 test images</h3>
<p class="note">Top-3 of the shipped ${escapeHtml(m.metadata.weights.dtype)} model${mode}, as the seed's notebook prints them.</p>
${renderGallery(m.firstPredictions, 'predictions')}
<h3>Most confident mistakes</h3>
<p class="note">The ${m.confidentMistakes.length} test images (of ${count}) the shipped model got wrong with the highest probability${mode}.</p>
${renderGallery(m.confidentMistakes, 'mistakes')}
</section>`;
}
