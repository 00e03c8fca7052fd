import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

describe('hash routes', () => {
  it('reads the page and its parameters', () => {
    const route = parseRoute('#/roadmap?view=outline&skill=python-basics');
    expect(route.page).toBe('roadmap');
    expect(route.params.get('view')).toBe('outline');
    expect(route.params.get('skill')).toBe('python-basics');
  });

  it('has no page for an empty hash or an unknown one, so the app picks the default', () => {
    expect(parseRoute('').page).toBeUndefined();
    expect(parseRoute('#/').page).toBeUndefined();
    expect(parseRoute('#/nowhere').page).toBeUndefined();
  });

  it('accepts a hash without the leading slash', () => {
    expect(parseRoute('#plan').page).toBe('plan');
  });
});
