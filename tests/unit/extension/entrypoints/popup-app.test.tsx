import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '../../../../extension/entrypoints/popup/App';
import { CLICK_DEADLINE_MS } from '../../../../extension/lib/time-limits';
import { listenForPopup } from '../../../../extension/lib/background/listen-for-popup';
import { buildResultStore, historyItem, lastEntryItem } from '../../../../extension/lib/result-store';
import { backendPreferenceItem, modelChoiceItem } from '../../../../extension/lib/settings';
import { doneEntry, errorEntry } from '../fixtures';

// The popup lists the packaged models from models/index.json (issue 23); the fake browser serves no
// extension files, so its fetch answers with the list a build of the two trained models writes
// (the e2e tests read the real one from the built extension).
const CATALOG = [
  { id: 'cnn', displayName: 'Seed CNN, shop recipe', weightBytes: 1_415_000, testAccuracy: 0.9227 },
  { id: 'lenet5', displayName: 'LeNet-5, shop recipe', weightBytes: 67_584, testAccuracy: 0.9022 },
];

beforeEach(() => {
  fakeBrowser.reset();
  vi.stubGlobal('fetch', async (url: string) => {
    if (String(url).endsWith('/models/index.json')) return new Response(JSON.stringify(CATALOG));
    throw new TypeError(`Failed to fetch ${url}`);
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the popup', () => {
  it('invites a right-click before anything was classified', async () => {
    render(<App />);
    expect(await screen.findByText(/Right-click a product image on any page/)).toBeTruthy();
    expect(screen.getByText('No classifications yet.')).toBeTruthy();
  });

  it('is busy, showing neither the hint nor a result, until storage has answered', async () => {
    await lastEntryItem.setValue(errorEntry('a', 'The server answered 404 (Not Found) instead of the image.'));
    const { container } = render(<App />);
    const main = container.querySelector('main.popup')!;
    expect(main.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByText(/Right-click a product image on any page/)).toBeNull();
    await waitFor(() => expect(main.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByRole('alert').textContent).toBe('The server answered 404 (Not Found) instead of the image.');
    expect(screen.queryByText(/Right-click a product image on any page/)).toBeNull();
  });

  it('shows the last result and follows the background’s updates', async () => {
    const first = doneEntry('a', 'Bag');
    await lastEntryItem.setValue(first);
    await historyItem.setValue([first]);
    render(<App />);
    const card = await screen.findByRole('region', { name: 'Last result' });
    expect(within(card).getAllByRole('listitem')[0]!.textContent).toBe('Bag91.2%');

    await lastEntryItem.setValue({ id: 'b', imageUrl: 'https://x/b.jpg', modelId: 'cnn', requestedAt: Date.now(), status: 'pending' });
    expect((await screen.findByRole('status')).textContent).toBe('Classifying with CNN…');
    await lastEntryItem.setValue(errorEntry('b', 'The image took longer than 15 seconds to download and classify.'));
    expect((await screen.findByRole('alert')).textContent).toBe('The image took longer than 15 seconds to download and classify.');
  });

  it('shows a click still pending past its deadline as failed, also when the deadline passes while it is open', async () => {
    const stopped = 'This classification stopped before it finished (Fashion Lens was stopped or restarted meanwhile). Click the image again.';
    const longAgo = Date.now() - CLICK_DEADLINE_MS - 60_000;
    await lastEntryItem.setValue({ id: 'old', imageUrl: 'https://x/old.jpg', modelId: 'cnn', requestedAt: longAgo, status: 'pending' });
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toBe(stopped);
    expect(screen.queryByRole('status')).toBeNull();

    const almostStale = Date.now() - CLICK_DEADLINE_MS - 5_000 + 400; // stale in 0.4 s
    await lastEntryItem.setValue({ id: 'new', imageUrl: 'https://x/new.jpg', modelId: 'cnn', requestedAt: almostStale, status: 'pending' });
    expect((await screen.findByRole('status')).textContent).toBe('Classifying with CNN…');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(stopped), { timeout: 3_000 });
  });

  it('shows a history entry when it is picked', async () => {
    await lastEntryItem.setValue(doneEntry('new', 'Coat'));
    await historyItem.setValue([doneEntry('new', 'Coat'), doneEntry('old', 'Dress')]);
    render(<App />);
    await screen.findByText('Coat');
    fireEvent.click(await screen.findByRole('button', { name: /Dress 91.2%/ }));
    const card = screen.getByRole('region', { name: 'Last result' });
    expect(within(card).getAllByRole('listitem')[0]!.textContent).toBe('Dress91.2%');
    await lastEntryItem.setValue(doneEntry('newest', 'Shirt')); // a new click takes over the card
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Last result' })).getAllByRole('listitem')[0]!.textContent).toBe('Shirt91.2%'));
  });

  it('clears the history through the background’s result store', async () => {
    listenForPopup(buildResultStore()); // the service worker's side
    // The fake browser gives no sender; Chrome gives the popup's URL, which the worker checks.
    const fromPopup = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html') } as never);
    const spy = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(fromPopup as typeof fakeBrowser.runtime.sendMessage);
    try {
      await historyItem.setValue([doneEntry('a'), errorEntry('b', 'Broken.')]);
      render(<App />);
      await screen.findByText('Broken.');
      fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
      await waitFor(async () => expect(await historyItem.getValue()).toEqual([]));
      expect(await screen.findByText('No classifications yet.')).toBeTruthy();
    } finally {
      spy.mockRestore();
    }
  });

  it('remembers the model and backend choice in chrome.storage.local', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('radio', { name: /LeNet-5/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Backend' }), { target: { value: 'cpu' } });
    await waitFor(async () => expect(await modelChoiceItem.getValue()).toBe('lenet5'));
    expect(await backendPreferenceItem.getValue()).toBe('cpu');
    expect(await fakeBrowser.storage.local.get(['modelChoice', 'backendPreference'])).toEqual({ modelChoice: 'lenet5', backendPreference: 'cpu' });
    cleanup();
    render(<App />); // a popup opened later (or after a browser restart) shows the stored choice
    await waitFor(() => expect((screen.getByRole('radio', { name: /LeNet-5/ }) as HTMLInputElement).checked).toBe(true));
  });

  it('clears the badge once the result is seen', async () => {
    await fakeBrowser.action.setBadgeText({ text: 'Snkr' });
    await lastEntryItem.setValue(doneEntry('a'));
    render(<App />);
    await waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe(''));
  });
});
