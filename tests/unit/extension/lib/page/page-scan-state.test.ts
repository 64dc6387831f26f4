import { describe, expect, it } from 'vitest';
import { addAnswer, addFound, newPageScan } from '../../../../../extension/lib/page/page-scan-state';
import { isBackgroundToPage, isBatchAnswer, isPageActionRequest, isPageToBackground, PAGE_ACTION_MESSAGE, PAGE_MESSAGE } from '../../../../../extension/lib/page/page-messages';

const top = (label: string) => [{ index: 0, label, probability: 0.9 }];

describe('page scan state', () => {
  it('counts answers per class until every found image is answered', () => {
    let state = addFound(newPageScan(7, 1000, 'scan-1'), 4, 0, 1001);
    expect(state).toMatchObject({ id: 'scan-1', status: 'scanning', total: 4 });
    state = addAnswer(state, { top3: top('Sneaker') }, 1002);
    state = addAnswer(state, { top3: top('Sneaker') }, 1003);
    state = addAnswer(state, { error: { code: 'blank-image', message: 'blank' }, blank: true }, 1004);
    expect(state.status).toBe('scanning');
    state = addAnswer(state, { error: { code: 'no-site-access', message: 'no' }, blank: false, sitePattern: 'https://cdn.example/*' }, 1005);
    expect(state).toMatchObject({ status: 'done', labelled: 2, skipped: 1, failed: 1, counts: { Sneaker: 2 }, needsAccess: ['https://cdn.example/*'], updatedAt: 1005 });
  });

  it('is done at once on a page with no product images, and scanning again when more appear', () => {
    const empty = addFound(newPageScan(7, 1000), 0, 0, 1001);
    expect(empty.status).toBe('done');
    expect(addFound(empty, 2, 0, 1002).status).toBe('scanning');
  });

  it('keeps the largest count the cap left out', () => {
    expect(addFound(addFound(newPageScan(1, 0), 300, 700, 1), 0, 650, 2).overCap).toBe(700);
  });
});

describe('page messages', () => {
  it('accepts only well-formed messages', () => {
    expect(isPageToBackground({ type: PAGE_MESSAGE, kind: 'classify', urls: ['https://a/1.jpg'] })).toBe(true);
    expect(isPageToBackground({ type: PAGE_MESSAGE, kind: 'classify', urls: [1] })).toBe(false);
    expect(isPageToBackground({ type: PAGE_MESSAGE, kind: 'found', added: 0, overCap: 0 })).toBe(true);
    expect(isPageToBackground({ type: PAGE_MESSAGE, kind: 'found', added: 0.5, overCap: 0 })).toBe(false);
    expect(isBackgroundToPage({ type: PAGE_MESSAGE, kind: 'filter', className: null })).toBe(true);
    expect(isBackgroundToPage({ type: PAGE_MESSAGE, kind: 'filter', className: 3 })).toBe(false);
    expect(isPageActionRequest({ type: PAGE_ACTION_MESSAGE, tabId: 3, action: 'label' })).toBe(true);
    expect(isPageActionRequest({ type: PAGE_ACTION_MESSAGE, tabId: '3', action: 'label' })).toBe(false);
    expect(isBatchAnswer([{ state: 'done', top3: [] }], 1)).toBe(true);
    expect(isBatchAnswer([{ state: 'done', top3: [] }], 2)).toBe(false);
    expect(isBatchAnswer(undefined, 0)).toBe(false);
  });
});
