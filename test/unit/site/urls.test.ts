// Page paths, relative links and the URLs a contract may link to.
import { describe, expect, it } from 'vitest';
import { canonicalUrl, githubTeamUrl, rootPrefix, safeExternalUrl, slugify, uniqueSlugs } from '../../../src/site/urls.js';

describe('urls', () => {
  it('reaches the site root from any page with ../ per level', () => {
    expect(rootPrefix('index.html')).toBe('');
    expect(rootPrefix('contracts/a.html')).toBe('../');
    expect(rootPrefix('downloads/a/b.json')).toBe('../../');
  });

  it('makes file-safe slugs and keeps them unique', () => {
    expect(slugify('Sales Orders <script>')).toBe('sales-orders-script');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('***')).toBe('x');
    expect(uniqueSlugs(['a', 'A', 'a'])).toEqual(['a', 'a-2', 'a-3']);
  });

  it('allows only http(s) and mailto links from contracts', () => {
    expect(safeExternalUrl('https://acme.example/x')).toBe('https://acme.example/x');
    expect(safeExternalUrl('mailto:data@acme.example')).toBe('mailto:data@acme.example');
    expect(safeExternalUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl(' JavaScript:alert(1)')).toBeUndefined();
    expect(safeExternalUrl('data:text/html,x')).toBeUndefined();
    expect(safeExternalUrl('https://a b')).toBeUndefined();
    expect(safeExternalUrl(42)).toBeUndefined();
  });

  it('links a GitHub team handle to its team page', () => {
    expect(githubTeamUrl('@acme/sales-data')).toBe('https://github.com/orgs/acme/teams/sales-data');
    expect(githubTeamUrl('someone@acme.example')).toBeUndefined();
  });

  it('uses the base URL only for canonical links', () => {
    expect(canonicalUrl('/repo', 'contracts/a.html')).toBe('/repo/contracts/a.html');
    expect(canonicalUrl(undefined, 'index.html')).toBeUndefined();
  });
});
