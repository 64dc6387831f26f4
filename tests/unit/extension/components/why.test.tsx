import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultCard } from '../../../../extension/components/result-card';
import { EXPLAIN_MESSAGE, type ExplainResponse } from '../../../../extension/lib/explain-messages';
import { doneEntry, errorEntry } from '../fixtures';

afterEach(cleanup);
beforeEach(() => fakeBrowser.reset());

const MAP = Array.from({ length: 784 }, (_, i) => (i % 28) - 14);
const placement = { source: { left: 0.25, top: 0.1, width: 0.5, height: 0.8 }, target: { left: 10, top: 0, width: 8, height: 28 } };

function answering(response: ExplainResponse) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async () => response) as never);
}

describe('"Why?" in the result card', () => {
  it('is a toggle button on a finished result only: never for a failed or pending classification', () => {
    render(<ResultCard entry={doneEntry('a')} />);
    const toggle = screen.getByRole('button', { name: 'Why?' });
    expect(toggle.getAttribute('type')).toBe('button');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    cleanup();
    render(<ResultCard entry={errorEntry('e', 'The server answered 404 (Not Found) instead of the image.')} />);
    expect(screen.queryByRole('button', { name: 'Why?' })).toBeNull();
    cleanup();
    render(<ResultCard entry={{ id: 'p', imageUrl: 'https://x/a.jpg', modelId: 'cnn', requestedAt: 0, status: 'pending' }} />);
    expect(screen.queryByRole('button', { name: 'Why?' })).toBeNull();
  });

  it('asks for the top-1 class’s map of the input the model saw, lays it over the input and the photo, and says in words what it shows', async () => {
    const spy = answering({ ok: true, map: MAP, classIndex: 7, explainMs: 42, backend: 'wasm' });
    const entry = doneEntry('a', 'Sneaker', { placement });
    render(<ResultCard entry={entry} />);
    expect(screen.queryAllByTestId('map-overlay')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(screen.getByRole('button', { name: 'Why?' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Brighter yellow: pushed the model towards Sneaker. No colour: did not push towards it.'));
    const request = spy.mock.calls[0]![0] as { type: string; input: number[]; modelId: string; classIndex: number };
    expect(request.type).toBe(EXPLAIN_MESSAGE);
    expect([request.modelId, request.classIndex]).toEqual(['cnn', 7]);
    expect(request.input).toEqual(entry.status === 'done' ? entry.result.input : []);
    const overlays = screen.getAllByTestId('map-overlay');
    expect(overlays.map((c) => [c.getAttribute('width'), c.getAttribute('height')])).toEqual([['8', '28'], ['28', '28']]);
    expect([overlays[0]!.style.left, overlays[0]!.style.top, overlays[0]!.style.width, overlays[0]!.style.height]).toEqual(['25.000%', '10.000%', '50.000%', '80.000%']);
    expect(screen.getByRole('status').textContent).toContain('42 ms on WASM');
    fireEvent.click(screen.getByRole('button', { name: 'Why?' }));
    expect(screen.queryAllByTestId('map-overlay')).toHaveLength(0);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('shows the sentence, and no map, when the map cannot be made', async () => {
    answering({ ok: false, error: { code: 'internal', message: 'The classifier page closed before it explained the result. Close and reopen the popup to try again.' } });
    render(<ResultCard entry={doneEntry('a', 'Bag', { placement })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Why?' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The classifier page closed before it explained the result. Close and reopen the popup to try again.'));
    expect(screen.queryAllByTestId('map-overlay')).toHaveLength(0);
  });
});
