import { describe, expect, it } from 'vitest';
import { RED_FLAG_QUESTIONS } from '../../domain/pain.js';
import { RED_FLAG_QUESTION_TEXT } from './questions.js';

describe('RED_FLAG_QUESTION_TEXT', () => {
  it('asks every red-flag question, in order', () => {
    expect(Object.keys(RED_FLAG_QUESTION_TEXT)).toEqual([...RED_FLAG_QUESTIONS]);
  });

  it.each(RED_FLAG_QUESTIONS)('%s is a plain question with a hint', (q) => {
    const { question, hint } = RED_FLAG_QUESTION_TEXT[q];
    expect(question).toMatch(/^[A-Z].*\?$/);
    expect(hint.length).toBeGreaterThan(0);
  });
});
