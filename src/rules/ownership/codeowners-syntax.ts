// A CODEOWNERS line GitHub cannot parse is skipped by GitHub: its paths silently lose their owners.
import type { MeshRule } from '../rule.js';

export const rule: MeshRule = {
  id: 'ownership/codeowners-syntax',
  severity: 'error',
  scope: 'mesh',
  summary: 'Every CODEOWNERS line is valid (gitignore-style pattern, then @user, @org/team or e-mail owners).',
  fix: 'Correct the CODEOWNERS line; GitHub ignores lines it cannot parse.',
  docs: {
    fail: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ acme-sales-data
/contracts/sales/ @acme/sales-data
` },
    pass: { CODEOWNERS: `/contracts/mesh.yaml @acme/platform
/contracts/sales/ @acme/sales-data
` },
  },
  check(ctx) {
    if (!ctx.codeowners || !ctx.mesh.codeowners) return;
    for (const error of ctx.codeowners.errors) {
      ctx.reportFile({ absPath: ctx.mesh.codeowners.absPath, line: error.line, column: 1, message: error.message });
    }
  },
};
