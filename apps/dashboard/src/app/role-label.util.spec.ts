import { ROLES } from '@crosswalk/domain';
import { describe, expect, it } from 'vitest';

import { roleLabel } from './role-label.util';

describe('roleLabel', () => {
  it('gives every role a readable label', () => {
    for (const role of ROLES) {
      expect(roleLabel(role)).not.toContain('_');
    }
    expect(roleLabel('program_manager')).toBe('Program manager');
  });
});
