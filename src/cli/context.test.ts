import { describe, expect, it } from 'vitest';
import { byIdPrefix, UserError } from './context.js';

const items = [
  { id: '3f2a9c10-0000-4000-8000-000000000001', name: 'a' },
  { id: '3f2a9c11-0000-4000-8000-000000000002', name: 'b' },
  { id: '7d00e4b2-0000-4000-8000-000000000003', name: 'c' },
];

describe('byIdPrefix: an item by its id or the first characters the lists show', () => {
  it.each([
    ['3f2a9c10', 'a'],
    ['3F2A9C11', 'b'], // ids are lower case; what is typed may not be
    ['  7d00 ', 'c'],
    ['7d00e4b2-0000-4000-8000-000000000003', 'c'],
  ])('%j → %s', (prefix, name) => {
    expect(byIdPrefix(items, prefix, 'goal').name).toBe(name);
  });

  it.each([
    ['3f2a', /several goals have ids starting 3f2a; give more characters/],
    ['7d0', /no goal with an id starting 7d0/], // under 4 characters is too short to mean one item
    ['ffff', /no goal with an id starting ffff/],
  ])('%j is refused: %s', (prefix, message) => {
    expect(() => byIdPrefix(items, prefix, 'goal')).toThrow(UserError);
    expect(() => byIdPrefix(items, prefix, 'goal')).toThrow(message);
  });
});
