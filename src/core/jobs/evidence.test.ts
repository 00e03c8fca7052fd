import { describe, expect, it } from 'vitest';
import { evidencePiece } from './evidence.js';

describe('evidencePiece', () => {
  it('reads back each form of evidence the analysis writes', () => {
    expect(evidencePiece('title: "Machine Learning Engineer"')).toEqual({
      kind: 'title',
      words: 'Machine Learning Engineer',
    });
    expect(evidencePiece('"model serving"')).toEqual({ kind: 'phrase', words: 'model serving' });
    expect(evidencePiece('skills: python, mlops')).toEqual({ kind: 'skills', ids: ['python', 'mlops'] });
    expect(evidencePiece('something else')).toEqual({ kind: 'other', text: 'something else' });
  });
});
