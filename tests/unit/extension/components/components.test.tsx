import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BackendPicker } from '../../../../extension/components/backend-picker';
import { HistoryList } from '../../../../extension/components/history-list';
import { ModelPicker } from '../../../../extension/components/model-picker';
import { ResultCard } from '../../../../extension/components/result-card';
import { TopPredictions } from '../../../../extension/components/top-predictions';
import { doneEntry, errorEntry } from '../fixtures';

afterEach(cleanup); // vitest runs without globals, so testing-library cannot register this itself

describe('TopPredictions', () => {
  it('lists the labels most likely first with their percentages and bars', () => {
    const entry = doneEntry('a');
    render(<TopPredictions predictions={entry.status === 'done' ? entry.result.top3 : []} />);
    const items = within(screen.getByRole('list', { name: 'Top 3 labels' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual(['Sneaker91.2%', 'Sandal6.1%', 'Ankle boot2.0%']);
    expect((items[0]!.querySelector('.bar-fill') as HTMLElement).style.width).toBe('91.2%');
  });
});

describe('ResultCard', () => {
  it('shows the image, the model’s 28x28 input, the top 3, model, backend and latency', () => {
    render(<ResultCard entry={doneEntry('a')} />);
    expect(screen.getByRole('img', { name: /The image you chose \(600 × 800\)/ }).getAttribute('src')).toBe('data:image/jpeg;base64,AAAA');
    const input = screen.getByRole('img', { name: 'The 28 by 28 grayscale image the model saw' });
    expect([input.getAttribute('width'), input.getAttribute('height')]).toEqual(['28', '28']);
    expect(screen.getByText('Seed CNN')).toBeTruthy();
    expect(screen.getByText('WASM').getAttribute('title')).toContain('software renderer');
    expect(screen.getByText('25 ms')).toBeTruthy();
    expect(screen.getByText(/WebGL here is only a software renderer/)).toBeTruthy();
  });

  it('adds the start-up time of a cold first click', () => {
    const entry = doneEntry('a');
    if (entry.status === 'done') entry.result.timings.initMs = 1460;
    render(<ResultCard entry={entry} />);
    expect(screen.getByText('25 ms (+ 1.5 s start-up)')).toBeTruthy();
  });

  it('says it is working while pending', () => {
    render(<ResultCard entry={{ id: 'p', imageUrl: 'https://x/a.jpg', modelId: 'lenet5', requestedAt: 0, status: 'pending' }} />);
    expect(screen.getByRole('status').textContent).toBe('Classifying with LeNet-5…');
  });

  it('shows an error as its sentence, announced as an alert', () => {
    render(<ResultCard entry={errorEntry('e', 'The server answered 404 (Not Found) instead of the image.')} />);
    expect(screen.getByRole('alert').textContent).toBe('The server answered 404 (Not Found) instead of the image.');
    expect(screen.queryByRole('list')).toBeNull();
  });
});

describe('HistoryList', () => {
  const entries = [doneEntry('a', 'Bag'), errorEntry('b', 'That address is a web page (text/html), not an image.')];

  it('lists results and errors as buttons that select them', () => {
    const onSelect = vi.fn();
    render(<HistoryList entries={entries} selectedId="a" onSelect={onSelect} onClear={() => {}} />);
    const buttons = within(screen.getByRole('list')).getAllByRole('button');
    expect(buttons.map((b) => b.querySelector('.history-summary')?.textContent)).toEqual(['Bag 91.2%', 'That address is a web page (text/html), not an image.']);
    expect(buttons[0]!.getAttribute('aria-current')).toBe('true');
    fireEvent.click(buttons[1]!);
    expect(onSelect).toHaveBeenCalledWith('b');
  });

  it('clears on "Clear history", which is disabled when there is nothing', () => {
    const onClear = vi.fn();
    const { rerender } = render(<HistoryList entries={entries} selectedId={undefined} onSelect={() => {}} onClear={onClear} />);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(onClear).toHaveBeenCalledOnce();
    rerender(<HistoryList entries={[]} selectedId={undefined} onSelect={() => {}} onClear={onClear} />);
    expect((screen.getByRole('button', { name: 'Clear history' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('No classifications yet.')).toBeTruthy();
  });
});

describe('ModelPicker and BackendPicker', () => {
  // Issue 23: the choice lists every packaged model (models/index.json), not a fixed pair.
  const models = [
    { id: 'cnn', displayName: 'CNN (shop recipe)', weightBytes: 1_415_000, testAccuracy: 0.9227 },
    { id: 'lenet5', displayName: 'LeNet-5 (shop recipe)', weightBytes: 67_584, testAccuracy: 0.9022 },
    { id: 'keras-seed-cnn', displayName: 'Seed CNN trained by Keras', weightBytes: 5_655_040, testAccuracy: 0.894 },
  ];

  it('offers every packaged model by name, with its size and test accuracy, and reports the choice', () => {
    const onChange = vi.fn();
    render(<ModelPicker models={models} value="cnn" onChange={onChange} />);
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => [r.value, r.checked])).toEqual([['cnn', true], ['lenet5', false], ['keras-seed-cnn', false]]);
    expect(screen.getByRole('radio', { name: 'Seed CNN trained by Keras 5.39 MiB, 89.4% on the test set' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'LeNet-5 (shop recipe) 66 KiB, 90.2% on the test set' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: /Seed CNN trained by Keras/ }));
    expect(onChange).toHaveBeenCalledWith('keras-seed-cnn');
  });

  it('checks the first model when the stored choice is not packaged, and shows why the list is missing', () => {
    render(<ModelPicker models={models.slice(1)} value="cnn" onChange={() => {}} />);
    expect((screen.getAllByRole('radio') as HTMLInputElement[]).map((r) => r.checked)).toEqual([true, false]);
    cleanup();
    render(<ModelPicker models={undefined} error="models/index.json in the extension is not a list of models. Rebuild the extension with `npm run build`." value="cnn" onChange={() => {}} />);
    expect(screen.queryAllByRole('radio')).toEqual([]);
    expect(screen.getByText(/is not a list of models/)).toBeTruthy();
  });

  it('offers automatic and forced backends', () => {
    const onChange = vi.fn();
    render(<BackendPicker value="auto" onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Backend' }) as HTMLSelectElement;
    expect(Array.from(select.options, (o) => o.value)).toEqual(['auto', 'webgl', 'wasm', 'cpu']);
    fireEvent.change(select, { target: { value: 'webgl' } });
    expect(onChange).toHaveBeenCalledWith('webgl');
  });
});
