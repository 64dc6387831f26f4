import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestSiteAccess, siteAccessPattern } from '../../../../../extension/lib/background/request-site-access';

describe('siteAccessPattern', () => {
  it('names the image’s site, port included (Chrome grants per origin)', () => {
    expect(siteAccessPattern('https://cdn.shop.example/p/shoe.jpg?w=800')).toBe('https://cdn.shop.example/*');
    expect(siteAccessPattern('http://127.0.0.1:8801/a.png')).toBe('http://127.0.0.1:8801/*');
  });

  it('gives a blob: URL its page’s site, and needs nothing for data: URLs or non-addresses', () => {
    expect(siteAccessPattern('blob:https://shop.example/1b2c-uuid')).toBe('https://shop.example/*');
    expect(siteAccessPattern('data:image/png;base64,AAAA')).toBeNull();
    expect(siteAccessPattern('file:///etc/passwd')).toBeNull();
    expect(siteAccessPattern('not a url')).toBeNull();
  });
});

describe('requestSiteAccess', () => {
  let request: ReturnType<typeof vi.fn>;
  let contains: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    request = vi.fn(async () => true);
    contains = vi.fn(async () => false);
    Object.assign(fakeBrowser, { permissions: { request, contains } });
  });

  it('asks for the one site, synchronously (Chrome prompts only within the click)', async () => {
    const answer = requestSiteAccess('https://cdn.shop.example/shoe.jpg');
    expect(request).toHaveBeenCalledWith({ origins: ['https://cdn.shop.example/*'] }); // before any await
    expect(await answer).toBe(true);
  });

  it('passes on a refusal', async () => {
    request.mockResolvedValueOnce(false);
    expect(await requestSiteAccess('https://cdn.shop.example/shoe.jpg')).toBe(false);
  });

  it('falls back to what is granted when Chrome does not count the call as part of a click', async () => {
    request.mockRejectedValue(new Error('This function must be called during a user gesture'));
    contains.mockResolvedValueOnce(true);
    expect(await requestSiteAccess('https://granted.example/a.jpg')).toBe(true);
    expect(await requestSiteAccess('https://never-asked.example/a.jpg')).toBe(false);
  });

  it('asks nothing for a data: URL', async () => {
    expect(await requestSiteAccess('data:image/png;base64,AAAA')).toBe(true);
    expect(request).not.toHaveBeenCalled();
  });
});
