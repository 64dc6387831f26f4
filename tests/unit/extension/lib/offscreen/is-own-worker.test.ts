import { describe, expect, it } from 'vitest';
import { isOwnWorker } from '../../../../../extension/lib/offscreen/is-own-worker';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const WORKER = `chrome-extension://${ID}/background.js`;

describe('isOwnWorker', () => {
  it("accepts this extension's service worker", () => {
    expect(isOwnWorker({ id: ID, url: WORKER }, ID, WORKER)).toBe(true);
  });

  it.each([
    ['the popup (another page of this extension)', { id: ID, url: `chrome-extension://${ID}/popup.html` }],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/background.js' }],
    ['a content script in a tab', { id: ID, url: 'https://shop.example/p/1', tab: { id: 3 } }],
    ['a sender with no id or url', {}],
  ])('refuses %s', (_, sender) => {
    expect(isOwnWorker(sender, ID, WORKER)).toBe(false);
  });
});
