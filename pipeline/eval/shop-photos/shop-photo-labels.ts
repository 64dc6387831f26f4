import { CLASS_NAMES, NUM_CLASSES } from '../../../core/model-contract.js';
import { UserError } from '../../shared/user-error.js';

/** One line of the shop photos' labels.tsv: which photo, its class, and where it comes from. */
export interface ShopPhotoLabel {
  /** Path of the photo relative to the folder holding labels.tsv, e.g. "7_Sneaker/saleor-dash-force-1.png". */
  file: string;
  /** Fashion-MNIST class index 0..9. */
  label: number;
  /** The repository, commit and path it was taken from, and its licence. */
  source: { repository: string; commit: string; path: string; license: string };
}

/** The columns labels.tsv has, in order. */
export const LABEL_COLUMNS = ['class_index', 'class_name', 'file', 'source_repository', 'source_commit', 'source_path', 'license'] as const;

/**
 * Parses labels.tsv (a header of LABEL_COLUMNS, then one tab-separated line per photo). Every
 * class index must be 0..9 with its Fashion-MNIST name beside it, and every file a relative path
 * inside the folder, listed once. `where` names the file in errors, which give the line number.
 */
export function parseShopPhotoLabels(tsv: string, where: string): ShopPhotoLabel[] {
  const lines = tsv.split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const fail = (line: number, problem: string): never => {
    throw new UserError('shop-photos', `${where}, line ${line}: ${problem}. Each line gives ${LABEL_COLUMNS.join(', ')}, separated by tabs (see the README beside it).`);
  };
  if (lines[0] !== LABEL_COLUMNS.join('\t')) fail(1, `the header is ${JSON.stringify(lines[0] ?? '')}, not the ${LABEL_COLUMNS.length} tab-separated column names`);
  const seen = new Set<string>();
  return lines.slice(1).map((text, i) => {
    const line = i + 2;
    const fields = text.split('\t');
    if (fields.length !== LABEL_COLUMNS.length) fail(line, `it has ${fields.length} fields, not ${LABEL_COLUMNS.length}`);
    const [index, name, file, repository, commit, path, license] = fields as [string, string, string, string, string, string, string];
    const label = Number(index);
    if (!/^\d+$/.test(index) || label >= NUM_CLASSES) fail(line, `the class index ${JSON.stringify(index)} is not a whole number from 0 to ${NUM_CLASSES - 1}`);
    if (CLASS_NAMES[label] !== name) fail(line, `class ${label} is ${CLASS_NAMES[label]}, not ${JSON.stringify(name)}`);
    if (file === '' || file.startsWith('/') || file.split(/[\\/]/).includes('..')) fail(line, `the file ${JSON.stringify(file)} is not a path inside the folder`);
    if (seen.has(file)) fail(line, `${file} is listed twice`);
    seen.add(file);
    return { file, label, source: { repository, commit, path, license } };
  });
}
