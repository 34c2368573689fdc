import { describe, expect, it } from 'vitest';
import { compareIds, newestId } from '../../../src/main/core/connectors/mastodon/ids';

describe('Mastodon id order', () => {
  it('orders decimal snowflakes numerically and other ids as text', () => {
    expect(compareIds('99', '100')).toBeLessThan(0);
    expect(compareIds('113000000000000002', '113000000000000010')).toBeLessThan(0);
    expect(compareIds('7', '7')).toBe(0);
    expect(compareIds('AbC0000000000000001', 'AbC0000000000000002')).toBeLessThan(0); // Pleroma flake ids
    expect(newestId(['5', '120', '99'])).toBe('120');
    expect(newestId([])).toBeNull();
  });
});
